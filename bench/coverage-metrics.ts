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
