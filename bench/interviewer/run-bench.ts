import type { Question } from '../../server/questions/question-schema.js'
import { CANDIDATE_KINDS, createCandidate, type CandidateKind } from './candidate-kinds.js'
import { CANDIDATE_SCRIPTS } from './candidate-scripts.js'
import { judgeInterview, type InterviewFigures } from './judge-interview.js'
import { runInterview } from './run-interview.js'

/** Enough follow-ups for a listening interviewer to reach every step of the longest framework. */
export const BENCH_FOLLOW_UP_BUDGET = 8

export type KindResult = { kind: CandidateKind; figures: InterviewFigures; endedBy: string }
export type QuestionResult = { question: Question; runs: KindResult[] }

/** Every candidate kind on every given question, one interview at a time, over the server at `port`. */
export async function runCandidates(input: {
  port: number
  questions: readonly Question[]
  kinds?: readonly CandidateKind[]
}): Promise<QuestionResult[]> {
  const results: QuestionResult[] = []
  for (const question of input.questions) {
    const script = CANDIDATE_SCRIPTS.find((s) => s.questionId === question.id)
    if (!script) throw new Error(`no candidate script for ${question.id}`)
    const runs: KindResult[] = []
    for (const kind of input.kinds ?? CANDIDATE_KINDS) {
      const record = await runInterview({
        port: input.port,
        questionId: question.id,
        candidate: createCandidate(kind, script),
        followUpBudget: BENCH_FOLLOW_UP_BUDGET,
      })
      runs.push({ kind, figures: judgeInterview(question, record), endedBy: record.endedBy })
    }
    results.push({ question, runs })
  }
  return results
}
