import type { Question } from '../../server/questions/question-schema.js'
import { FRESH_COVERAGE_LABELS } from '../coverage-labels-fresh.js'
import { COVERAGE_LABELS, type LabelledAnswer } from '../coverage-labels.js'
import { CANDIDATE_SCRIPTS, type QuestionScript } from './candidate-scripts.js'

/**
 * Candidate scripts in other words than the bench's own: each step answer is a hand-labelled
 * answer of bench:coverage that covers that step alone (the fresh set's first, then the main
 * set's), the `pick`-th of them, wrapping around; a step with none keeps the bench script's
 * answer. Keywords and clarifications are the bench script's. Stands in for the hidden candidate
 * scripts the interviewer is judged on: the same kinds of candidate, answers written by someone
 * else. The main set's answers were used to fit the coverage map's weights (the fresh set's were
 * not), so its figures are somewhat optimistic.
 */
export function labelledScripts(
  questions: readonly Question[],
  pick: number,
): { scripts: QuestionScript[]; borrowed: number } {
  let borrowed = 0
  const scripts = questions.map((question): QuestionScript => {
    const base = CANDIDATE_SCRIPTS.find((s) => s.questionId === question.id)
    if (!base) throw new Error(`no candidate script for ${question.id}`)
    const labelled: LabelledAnswer[] = [
      ...(FRESH_COVERAGE_LABELS[question.id] ?? []),
      ...(COVERAGE_LABELS[question.id] ?? []),
    ]
    const steps: Record<number, string> = {}
    for (const step of question.framework.steps) {
      const only = labelled.filter((a) => a.covers.length === 1 && a.covers[0] === step.number)
      const chosen = only[pick % Math.max(1, only.length)]
      if (!chosen) borrowed++
      steps[step.number] = chosen?.text ?? base.steps[step.number]!
    }
    return { ...base, steps }
  })
  return { scripts, borrowed }
}
