import type { TranscriptGrader } from '../../server/grading/grading-service.js'
import type { Question } from '../../server/questions/question-schema.js'
import type { TranscriptCase } from './transcript-case.js'

export type CaseOutcome = { score: number; ms: number } | { error: string; ms: number }

/**
 * Grades every case with one grader, `concurrency` at a time (1 for the offline grader, whose
 * timings must not overlap; a few for a remote model), keeping each case's overall score or the
 * reason it has none. A case whose question the bank lacks is an error, not a skip.
 */
export async function gradeCases(
  cases: readonly TranscriptCase[],
  questionOf: (id: string) => Question | undefined,
  grader: Pick<TranscriptGrader, 'grade'>,
  options: { concurrency?: number; onDone?: (index: number, outcome: CaseOutcome) => void } = {},
): Promise<CaseOutcome[]> {
  const outcomes = new Array<CaseOutcome>(cases.length)
  let next = 0
  const worker = async () => {
    while (next < cases.length) {
      const i = next++
      const c = cases[i]!
      const question = questionOf(c.questionId)
      const started = performance.now()
      try {
        if (!question) throw new Error(`unknown question "${c.questionId}"`)
        const grade = await grader.grade(question, { questionId: c.questionId, turns: c.turns })
        outcomes[i] = { score: grade.overall, ms: performance.now() - started }
      } catch (err) {
        outcomes[i] = {
          error: err instanceof Error ? err.message : String(err),
          ms: performance.now() - started,
        }
      }
      options.onDone?.(i, outcomes[i]!)
    }
  }
  const lanes = Math.max(1, Math.min(options.concurrency ?? 1, cases.length))
  await Promise.all(Array.from({ length: lanes }, worker))
  return outcomes
}
