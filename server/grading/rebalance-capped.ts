import type { WeightedCriterion } from './overall-score.js'

type Graded = { name: string; score: number; evidence: readonly unknown[] }

/**
 * After the cap on criteria without evidence (verify-evidence.ts), gives the points the cap took
 * to the criteria that do have evidence, evenly, up to 10 each, so the rubric-weighted mean is
 * again `pooled`: the calibrated score of the whole answer (its criteria's pooled measure through
 * the fitted scale, which is what the scale was fitted on).
 *
 * Why: which criterion ends up without a quote shifts with small changes to the answer, and the
 * cap's cost with it; a padded answer whose evidence-less criterion happened to sit nearer the cap
 * lost less to it and could score above the same answer unpadded. With the points given back,
 * the overall follows the calibrated measure, and padding (which never raises the measure) never
 * raises the overall. Each capped criterion still shows at most its cap; when every criterion is
 * capped nothing is given back. Never lowers a score. `round`: to a tenth (the default); the
 * offline grader keeps them exact to take its overall from them and rounds them after.
 */
export function rebalanceCapped<G extends Graded>(
  criteria: readonly G[],
  rubric: readonly WeightedCriterion[],
  pooled: number,
  round = true,
): G[] {
  const weightOf = (name: string) =>
    rubric.find((r) => r.name.trim().toLowerCase() === name.trim().toLowerCase())?.weight ?? 1
  const scores = criteria.map((c) => c.score)
  const weights = criteria.map((c) => weightOf(c.name))
  const total = weights.reduce((a, b) => a + b, 0)
  if (total <= 0) return [...criteria]
  // A few rounds: a criterion that reaches 10 passes what it cannot take to the others.
  for (let round = 0; round < criteria.length; round++) {
    const deficit = pooled * total - scores.reduce((sum, s, i) => sum + weights[i]! * s, 0)
    const open = criteria.flatMap((c, i) => (c.evidence.length > 0 && scores[i]! < 10 ? [i] : []))
    if (deficit <= 1e-9 || open.length === 0) break
    const share = deficit / open.reduce((sum, i) => sum + weights[i]!, 0)
    for (const i of open) scores[i] = Math.min(10, scores[i]! + share)
  }
  return criteria.map((c, i) => ({
    ...c,
    score: round ? Math.round(scores[i]! * 10) / 10 : scores[i]!,
  }))
}
