/**
 * The figures of the graded-transcript benchmark, as plain functions of scores and targets so the
 * tests can check each one by hand.
 */

/** Ranks from 1, ties sharing the mean of their positions (as Spearman's rho needs). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v)
  const ranks = new Array<number>(values.length)
  for (let start = 0; start < order.length;) {
    let end = start
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++
    const rank = (start + end) / 2 + 1
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank
    start = end + 1
  }
  return ranks
}

/** Pearson correlation; NaN when either series is constant or shorter than 2. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length
  if (n < 2 || y.length !== n) return Number.NaN
  const mx = mean(x)
  const my = mean(y)
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx
    const dy = y[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN
}

/** Spearman's rho: Pearson on average ranks, so ties are handled. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y))
}

export function mean(x: readonly number[]): number {
  return x.length > 0 ? x.reduce((a, b) => a + b, 0) / x.length : Number.NaN
}

/** Mean absolute error of scores against targets. */
export function meanAbsoluteError(scores: readonly number[], targets: readonly number[]): number {
  return mean(scores.map((s, i) => Math.abs(s - targets[i]!)))
}

/** Share of scores inside their accepted range, bounds included. */
export function shareWithinRange(
  scores: readonly number[],
  ranges: readonly (readonly [number, number])[],
): number {
  return mean(scores.map((s, i) => (s >= ranges[i]![0] && s <= ranges[i]![1] ? 1 : 0)))
}

export type Scored = { group: string; score: number; target: number }

/**
 * Of every pair of cases in the same group (question) whose targets differ, the share the
 * scores put in the same order; a tie in score counts half (it orders nothing).
 */
export function shareOfPairsInOrder(cases: readonly Scored[]): number {
  let pairs = 0
  let right = 0
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const a = cases[i]!
      const b = cases[j]!
      if (a.group !== b.group || a.target === b.target) continue
      pairs++
      const agree = Math.sign(a.score - b.score) * Math.sign(a.target - b.target)
      right += agree > 0 ? 1 : agree === 0 ? 0.5 : 0
    }
  }
  return pairs > 0 ? right / pairs : Number.NaN
}

/** The values of `items` grouped by `key`, groups in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}
