/**
 * The chart's time axis for attempts at `times` (seconds, oldest first): the attempts' span padded
 * by a tenth of it, at least five minutes, so close attempts are not crammed against the edges.
 *
 * uPlot hands the range function a lone attempt as a range of 86,400 / 0.001 s (its one-day
 * default counted in milliseconds, on a scale in seconds): 1,000 days, so one session was drawn
 * on an axis from 2026 to 2029. It also re-applies the function to the axis's current range on
 * redraws. So a range that covers every attempt gets the padded span of the attempts themselves,
 * whatever it was, and a narrower one (a zoom) is kept as it is.
 */
export function timeRange(times: number[], min: number, max: number): [number, number] {
  if (times.length === 0) return [min, max]
  const first = times[0]!
  const last = times[times.length - 1]!
  if (min > first || max < last) return [min, max]
  const pad = Math.max(300, (last - first) / 10)
  return [first - pad, last + pad]
}
