/**
 * Nearest-rank percentile of `values` (p in 0..100): the smallest value with at least p% of the
 * values at or below it. Null for no values, so an empty run prints "n/a" instead of a made-up 0.
 */
export function computePercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in 0..100, got ${p}`)
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}
