/** A criterion's name and score, as every grader produces them. */
export type ScoredCriterion = { name: string; score: number }

/** A rubric criterion's name and weight, as the question file states them. */
export type WeightedCriterion = { name: string; weight?: number }

/**
 * The overall score out of 10: the mean of the criterion scores weighted by the question's
 * rubric (matched by name, case and surrounding space ignored; weight 1 when the rubric does not
 * name a criterion or gives no weight), rounded to one decimal. Computed in code, never taken
 * from a model. No criteria gives 0.
 */
export function computeOverall(
  criteria: readonly ScoredCriterion[],
  rubric: readonly WeightedCriterion[] = [],
): number {
  const key = (name: string) => name.trim().toLowerCase()
  const weights = new Map(rubric.map((r) => [key(r.name), r.weight ?? 1]))
  let total = 0
  let sum = 0
  for (const c of criteria) {
    const w = weights.get(key(c.name)) ?? 1
    total += w
    sum += w * Math.min(10, Math.max(0, c.score))
  }
  if (total <= 0) return 0
  return Math.round((sum / total) * 10) / 10
}
