import { applyScale, rawMeasure, type RawParts, type ScoreScale } from './score-scale.js'

/** A graded example: the raw parts of an answer (its rubric criteria pooled) and its target. */
export type CalibrationPoint = RawParts & { target: number }

/**
 * Two examples of the same question whose raw measures must not invert: `better` has the higher
 * target with fewer words than `worse` (a concise strong answer against a long weaker one, or
 * an answer against itself padded). Length must never buy score.
 */
export type OrderedPair = { better: number; worse: number }

/** The weights of the scale that are fitted: every field of ScoreScale but its knots. */
export type ScaleWeights = Omit<ScoreScale, 'knots' | 'fittedOn'>

/** The weights tried; the combination with the lowest mean absolute error on the points wins. */
const SPECIFICITY_WEIGHTS = Array.from({ length: 16 }, (_, i) => i / 100)
const FILLER_WEIGHTS = [0.5, 0.75, 1]
/**
 * Filler shares beyond which more filler costs nothing more; undefined is no cap, first so that
 * a tie keeps the uncapped penalty. Measured with 0.3, 0.4, 0.5, 0.6 and none: every held-out fit
 * takes 0.4 (docs/benchmarks.md, "Grading: padding, what it costs and why").
 */
const FILLER_CAPS = [undefined, 0.3, 0.4, 0.5]
const CERTAINTY_WEIGHTS = [0, 0.25, 0.5, 0.75, 1]
const ON_TOPIC_AT = [0.3, 0.4, 0.5]
/** Ramps of the rubric's reach that make an answer on topic; the last is out of reach (none). */
const REACH_ON_TOPIC: [number, number][] = [
  [0.2, 0.4],
  [0.25, 0.45],
  [0.3, 0.5],
  [0.35, 0.55],
  [0.4, 0.6],
  [0.99, 1],
]

/** Every combination of the weights tried (bench variants extend it with their own). */
export const SCALE_WEIGHT_GRID: readonly ScaleWeights[] = SPECIFICITY_WEIGHTS.flatMap(
  (specificityWeight) =>
    FILLER_WEIGHTS.flatMap((fillerWeight) =>
      FILLER_CAPS.flatMap((fillerCap) =>
        CERTAINTY_WEIGHTS.flatMap((certaintyWeight) =>
          ON_TOPIC_AT.flatMap((onTopicAt) =>
            REACH_ON_TOPIC.map((reachOnTopic): ScaleWeights => ({
              specificityWeight,
              fillerWeight,
              ...(fillerCap === undefined ? {} : { fillerCap }),
              certaintyWeight,
              onTopicAt,
              reachOnTopic,
            })),
          ),
        ),
      ),
    ),
)

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function of x
 * closest to y in squared error. Returns one knot per pooled block, at the block's mean x and
 * mean y, so linear interpolation between knots gives a monotone piecewise-linear map.
 */
export function fitIsotonic(points: readonly { x: number; y: number }[]): [number, number][] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y)
  const blocks: { sx: number; sy: number; n: number }[] = []
  for (const p of sorted) {
    blocks.push({ sx: p.x, sy: p.y, n: 1 })
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!
      const a = blocks[blocks.length - 2]!
      if (a.sy / a.n < b.sy / b.n) break
      blocks.pop()
      a.sx += b.sx
      a.sy += b.sy
      a.n += b.n
    }
  }
  const knots: [number, number][] = []
  for (const b of blocks) {
    const x = b.sx / b.n
    const y = b.sy / b.n
    const last = knots[knots.length - 1]
    // Blocks with the same mean x (ties) merge into the later, higher one.
    if (last && x <= last[0]) knots[knots.length - 1] = [last[0], Math.max(last[1], y)]
    else knots.push([x, y])
  }
  return knots
}

/**
 * The best of `grid` on the points: the isotonic map from `measure` to target for each weight
 * combination, keeping the one with the fewest inverted ordered pairs (indices into `points`),
 * and among those the lowest mean absolute error.
 */
export function fitBestOfGrid<P extends { target: number }, W>(
  points: readonly P[],
  grid: readonly W[],
  measure: (point: P, weights: W) => number,
  pairs: readonly OrderedPair[] = [],
): { weights: W; knots: [number, number][] } {
  let best: { inverted: number; error: number; weights: W; knots: [number, number][] } | undefined
  for (const weights of grid) {
    const xy = points.map((p) => ({ x: measure(p, weights), y: p.target }))
    const knots = fitIsotonic(xy).map(([x, y]): [number, number] => [
      x,
      Math.min(10, Math.max(0, y)),
    ])
    const error = xy.reduce((sum, p) => sum + Math.abs(applyScale(knots, p.x) - p.y), 0) / xy.length
    const inverted = pairs.filter((p) => xy[p.better]!.x < xy[p.worse]!.x).length
    if (
      !best ||
      inverted < best.inverted ||
      (inverted === best.inverted && error < best.error - 1e-9)
    )
      best = { inverted, error, weights, knots }
  }
  if (!best) throw new Error('fitting a scale needs at least one point and one weight combination')
  return { weights: best.weights, knots: best.knots }
}

/**
 * Fits the scale on graded examples: for each combination of weights (a small grid), the
 * isotonic map from raw measure to target; keeps the combination with the fewest inverted
 * ordered pairs (indices into `points`), and among those the lowest mean absolute error.
 */
/**
 * Fits the scale on graded examples: the best combination of SCALE_WEIGHT_GRID (fitBestOfGrid)
 * with its isotonic map from raw measure to target.
 */
export function fitScoreScale(
  points: readonly CalibrationPoint[],
  fittedOn: string,
  pairs: readonly OrderedPair[] = [],
): ScoreScale {
  const { weights, knots } = fitBestOfGrid(points, SCALE_WEIGHT_GRID, rawMeasure, pairs)
  return { ...weights, knots, fittedOn }
}
