/**
 * Precision, recall and F1 of the coverage map's covered / not-covered decision, and the honest
 * way to pick its threshold: on the other questions only (leave one question out).
 */
export type ScoredPair = { score: number; covered: boolean; questionId: string }

export type Confusion = {
  precision: number
  recall: number
  f1: number
  accuracy: number
  tp: number
  fp: number
  fn: number
  tn: number
}

export function measure(pairs: readonly ScoredPair[], threshold: number): Confusion {
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  for (const p of pairs) {
    const predicted = p.score >= threshold
    if (predicted && p.covered) tp++
    else if (predicted) fp++
    else if (p.covered) fn++
    else tn++
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1, accuracy: (tp + tn) / Math.max(1, pairs.length), tp, fp, fn, tn }
}

/** Candidate thresholds: 0.10 to 0.90 by 0.01. */
export const THRESHOLDS = Array.from(
  { length: 61 },
  (_, i) => Math.round((0.1 + i / 100) * 100) / 100,
)

/** The threshold with the best F1 on `pairs` (the lowest among ties). */
export function bestThreshold(pairs: readonly ScoredPair[]): number {
  let best = THRESHOLDS[0]!
  let bestF1 = -1
  for (const x of THRESHOLDS) {
    const f1 = measure(pairs, x).f1
    if (f1 > bestF1 + 1e-12) {
      best = x
      bestF1 = f1
    }
  }
  return best
}

/**
 * For each question, the threshold is chosen on the other questions and applied to it; the
 * decisions of all questions are then pooled. Returns the pooled figures and each threshold.
 */
export function leaveOneQuestionOut(pairs: readonly ScoredPair[]): {
  confusion: Confusion
  thresholds: Map<string, number>
} {
  const held: ScoredPair[] = []
  const thresholds = new Map<string, number>()
  for (const id of new Set(pairs.map((p) => p.questionId))) {
    const x = bestThreshold(pairs.filter((p) => p.questionId !== id))
    thresholds.set(id, x)
    for (const p of pairs) if (p.questionId === id) held.push({ ...p, score: p.score >= x ? 1 : 0 })
  }
  return { confusion: measure(held, 1), thresholds }
}

/** A pair with the answer it belongs to: the unit a bootstrap resamples. */
export type AnswerPair = ScoredPair & { answer: string }

/**
 * 95% bootstrap intervals of the F1 of each decision list and of each list's F1 minus the first
 * list's, resampling answers (all pairs of one answer together, as they are not independent)
 * with replacement. The lists must hold the same pairs in the same order (the method and its
 * ablations on the same labels), so the differences are paired. Seeded: same data, same figures.
 */
export function bootstrapF1(
  lists: ReadonlyArray<readonly AnswerPair[]>,
  threshold: number,
  options: { samples?: number; seed?: number } = {},
): { f1: Interval[]; difference: Interval[] } {
  const first = lists[0] ?? []
  for (const list of lists) {
    const aligned =
      list.length === first.length &&
      list.every((p, i) => p.answer === first[i]!.answer && p.questionId === first[i]!.questionId)
    if (!aligned) throw new Error('bootstrapF1 needs the same pairs in the same order')
  }
  const groups = new Map<string, number[]>()
  first.forEach((p, i) => {
    const key = `${p.questionId}\u0000${p.answer}`
    groups.set(key, [...(groups.get(key) ?? []), i])
  })
  const units = [...groups.values()]
  const random = mulberry32(options.seed ?? 1)
  const samples = options.samples ?? 2000
  const f1s = lists.map(() => [] as number[])
  const diffs = lists.map(() => [] as number[])
  for (let s = 0; s < samples; s++) {
    const counts = lists.map(() => ({ tp: 0, fp: 0, fn: 0 }))
    for (let u = 0; u < units.length; u++) {
      const unit = units[Math.floor(random() * units.length)]!
      lists.forEach((list, k) => {
        for (const i of unit) {
          const p = list[i]!
          const predicted = p.score >= threshold
          if (predicted && p.covered) counts[k]!.tp++
          else if (predicted) counts[k]!.fp++
          else if (p.covered) counts[k]!.fn++
        }
      })
    }
    const f = counts.map((c) => (c.tp > 0 ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0))
    f.forEach((v, k) => {
      f1s[k]!.push(v)
      diffs[k]!.push(v - f[0]!)
    })
  }
  return { f1: f1s.map(interval), difference: diffs.map(interval) }
}

export type Interval = { low: number; high: number }

function interval(values: number[]): Interval {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { low: at(0.025), high: at(0.975) }
}

/** A small seeded generator (mulberry32): uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
