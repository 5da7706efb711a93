/**
 * The held-out run's wrong decisions, sorted into kinds, so that the coverage map's systematic
 * errors show up by question rather than one answer at a time (bench:coverage prints them).
 */
import type { ScoredPair } from './coverage-metrics.js'

/** One held-out decision (score 1 = covered) with the answer and step it is about. */
export type LabelledDecision = ScoredPair & { answer: string; step: number }

/**
 * - `wrong step`: the answer got a step it does not cover and missed one it does (a swap between
 *   neighbouring steps, told apart by intent rather than words);
 * - `missed`: a step the answer covers was missed and no other was given in its place;
 * - `extra step`: the answer got a step beyond those it covers, all of which it got;
 * - `covers nothing`: the answer covers no step (vague, keyword list, dismissal, off topic).
 */
export const ERROR_KINDS = ['wrong step', 'missed', 'extra step', 'covers nothing'] as const
export type ErrorKind = (typeof ERROR_KINDS)[number]

export type CoverageError = {
  questionId: string
  answer: string
  step: number
  error: 'fp' | 'fn'
  kind: ErrorKind
}

/** The wrong decisions, each with its kind, in the order given. */
export function classifyErrors(decisions: readonly LabelledDecision[]): CoverageError[] {
  const byAnswer = new Map<string, LabelledDecision[]>()
  for (const d of decisions) {
    const key = `${d.questionId}\u0000${d.answer}`
    byAnswer.set(key, [...(byAnswer.get(key) ?? []), d])
  }
  const errors: CoverageError[] = []
  for (const d of decisions) {
    const predicted = d.score >= 1
    if (predicted === d.covered) continue
    const same = byAnswer.get(`${d.questionId}\u0000${d.answer}`)!
    const coversAny = same.some((s) => s.covered)
    const hasFp = same.some((s) => s.score >= 1 && !s.covered)
    const hasFn = same.some((s) => s.score < 1 && s.covered)
    const kind: ErrorKind = !coversAny
      ? 'covers nothing'
      : hasFp && hasFn
        ? 'wrong step'
        : hasFn
          ? 'missed'
          : 'extra step'
    errors.push({
      questionId: d.questionId,
      answer: d.answer,
      step: d.step,
      error: predicted ? 'fp' : 'fn',
      kind,
    })
  }
  return errors
}

/** Errors counted per question (in the order of `questionIds`) and kind, plus a total row. */
export function countErrors(
  errors: readonly CoverageError[],
  questionIds: readonly string[],
): Array<{ questionId: string | null; counts: Record<ErrorKind, number> }> {
  const empty = () =>
    Object.fromEntries(ERROR_KINDS.map((k) => [k, 0])) as Record<ErrorKind, number>
  const total = empty()
  const rows = questionIds.map((questionId) => {
    const counts = empty()
    for (const e of errors) {
      if (e.questionId !== questionId) continue
      counts[e.kind]++
      total[e.kind]++
    }
    return { questionId: questionId as string | null, counts }
  })
  return [...rows, { questionId: null, counts: total }]
}
