/**
 * `npm run bench:transcripts-variants`: variants of the offline grader's raw measure and of the
 * way its weights are chosen, measured on the graded transcripts of bench/transcripts/ and not
 * kept (docs/benchmarks.md, "Grading: measure variants not kept"). Every figure is held out: each
 * question's cases are mapped by an isotonic map fitted on the other 14 questions. The raw-measure
 * variants keep the shipped scale's weights (only the map is refitted), so the shipped row reads
 * a little above `npm run bench:transcripts`, which also refits the weights and adds the evidence
 * cap. Prints only.
 */
import { lessClaimsPenalty } from '../server/grading/claims-penalty.js'
import { fitIsotonic, SCALE_WEIGHT_GRID } from '../server/grading/fit-score-scale.js'
import { FITTED_SCORE_SCALE } from '../server/grading/fitted-score-scale.js'
import { calibrationPoint, measureTranscript } from '../server/grading/offline-grader.js'
import { applyScale, penalisedFillerShare, type RawWeights } from '../server/grading/score-scale.js'
import {
  mean,
  meanAbsoluteError,
  shareWithinRange,
  spearman,
} from './transcripts-bench/rank-metrics.js'
import {
  measureVariantSignals,
  SCALE_VARIANTS,
  type VariantPoint,
} from './transcripts-bench/scale-variants.js'
import { shorterAndBetter } from './transcripts-bench/offline-bench-grader.js'
import { loadMeasureInputs } from './transcripts-bench/measure-inputs.js'
import { candidateWords } from './transcripts-bench/transcript-case.js'

const { cases, bank, analyzer, profileOf } = await loadMeasureInputs()

const measured = cases.map((c) => {
  const q = bank.get(c.questionId)
  if (!q) throw new Error(`no question ${c.questionId}`)
  const m = measureTranscript(analyzer, profileOf, q, { questionId: c.questionId, turns: c.turns })
  const point: VariantPoint = {
    ...calibrationPoint(q, m, c.target),
    signals: measureVariantSignals(analyzer, q, m),
  }
  return { c, point, ignored: m.ignored }
})
const targets = cases.map((c) => c.target)
const questionIds = [...new Set(cases.map((c) => c.questionId))]

/** Held-out scores of a raw measure: each question mapped by the map fitted on the others. */
function heldOut(raw: readonly number[], only: readonly boolean[] = raw.map(() => true)) {
  const scores = new Array<number>(raw.length).fill(Number.NaN)
  for (const held of questionIds) {
    const train = raw.flatMap((x, i) =>
      only[i] && cases[i]!.questionId !== held ? [{ x, y: targets[i]! }] : [],
    )
    const knots = fitIsotonic(train)
    raw.forEach((x, i) => {
      if (only[i] && cases[i]!.questionId === held)
        scores[i] = lessClaimsPenalty(applyScale(knots, x), measured[i]!.ignored)
    })
  }
  return scores
}

function row(name: string, raw: readonly number[], scores: readonly number[], note = ''): string {
  const at = (q: string, level: string) =>
    scores[cases.findIndex((c) => c.questionId === q && c.level === level)] ?? Number.NaN
  const low = questionIds.flatMap((q) =>
    ['off-topic', 'keyword-list', 'mediocre-claims'].map((l) => at(q, l) >= at(q, 'mediocre')),
  )
  const padded = questionIds.filter((q) => at(q, 'padded-good') > at(q, 'good'))
  const level = (l: string) => mean(scores.filter((_, i) => cases[i]!.level === l)).toFixed(1)
  return `| ${name} | ${spearman(raw, targets).toFixed(3)} | **${spearman(scores, targets).toFixed(3)}** | ${meanAbsoluteError(scores, targets).toFixed(2)} | ${Math.round(
    shareWithinRange(
      scores,
      cases.map((c) => c.range),
    ) * 100,
  )}% | ${level('confident-wrong')} | ${level('off-topic')} | ${low.filter(Boolean).length} of ${low.length} | ${padded.length} of ${questionIds.length} |${note ? ` ${note} |` : ''}`
}

const shipped: RawWeights = FITTED_SCORE_SCALE
const header = [
  '| variant | Spearman of the raw measure (no map) | Spearman held out | MAE | within range | confident-wrong mean | off-topic mean | keyword, off-topic or claims at or above mediocre | padded above good |',
  '|---|---|---|---|---|---|---|---|---|',
]
const rows = SCALE_VARIANTS.map((v) => {
  const raw = measured.map((m) => v.raw(m.point, shipped))
  return row(v.name, raw, heldOut(raw))
})

// Weight selection: the shipped fit takes, of the combinations with the fewest inverted
// shorter-and-better pairs, the one with the lowest MAE of its map on the training questions; the
// variant takes the one whose training questions' own held-out grades (each left out in turn)
// agree best with their targets (Spearman). Both over two grids that also fit the topicality
// below which an answer is off the question (fixed at 0.1 in the product): a small one, and the
// shipped grid times the floors.
type Weights = RawWeights & { offTopicBelow: number }
const FLOORS = [0.1, 0.15, 0.2, 0.25]
const ramp = (x: number, from: number, to: number) =>
  Math.min(1, Math.max(0, (x - from) / (to - from)))
const rawWith = (p: VariantPoint, w: Weights) => {
  const onTopic = Math.max(
    ramp(p.topicality, w.offTopicBelow, w.onTopicAt),
    ramp(p.reach, w.reachOnTopic[0], w.reachOnTopic[1]),
  )
  return (
    (p.recall * (1 - w.fillerWeight * penalisedFillerShare(p.fillerShare, w.fillerCap)) +
      w.specificityWeight * Math.log1p(p.figures)) *
    p.quality *
    onTopic *
    (1 - w.certaintyWeight * p.overconfidence)
  )
}
const smallGrid: Weights[] = [0.02, 0.04, 0.06, 0.08, 0.1].flatMap((specificityWeight) =>
  FLOORS.flatMap((offTopicBelow) =>
    [0.5, 0.75, 1].flatMap((fillerWeight) =>
      [0.5, 0.75, 1].flatMap((certaintyWeight) =>
        [0.4, 0.5].map((onTopicAt) => ({
          specificityWeight,
          offTopicBelow,
          fillerWeight,
          certaintyWeight,
          onTopicAt,
          reachOnTopic: shipped.reachOnTopic,
        })),
      ),
    ),
  ),
)
const fullGrid: Weights[] = SCALE_WEIGHT_GRID.flatMap((w) =>
  FLOORS.map((offTopicBelow) => ({ ...w, offTopicBelow })),
)
const pairs = shorterAndBetter(
  cases.map((c) => ({ questionId: c.questionId, target: c.target, words: candidateWords(c) })),
)
const notes: string[] = []
for (const [gridName, grid] of [
  ['small grid (360 combinations)', smallGrid],
  [`shipped grid x floors (${fullGrid.length} combinations)`, fullGrid],
] as const) {
  const rawOf = grid.map((w) => measured.map((m) => rawWith(m.point, w)))
  for (const by of ['lowest MAE (as shipped)', 'inner held-out Spearman'] as const) {
    const scores = new Array<number>(cases.length)
    const raws = new Array<number>(cases.length)
    const chosen: string[] = []
    for (const held of questionIds) {
      const train = cases.map((c) => c.questionId !== held)
      const mine = pairs.filter((p) => train[p.better] && train[p.worse])
      const inverted = rawOf.map((raw) => mine.filter((p) => raw[p.better]! < raw[p.worse]!).length)
      const fewest = Math.min(...inverted)
      let best = -1
      let bestValue = -Infinity
      rawOf.forEach((raw, k) => {
        if (inverted[k] !== fewest) return
        let value: number
        if (by === 'lowest MAE (as shipped)') {
          const xy = raw.flatMap((x, i) => (train[i] ? [{ x, y: targets[i]! }] : []))
          const knots = fitIsotonic(xy)
          value = -mean(xy.map((p) => Math.abs(applyScale(knots, p.x) - p.y)))
        } else {
          const inner = heldOut(raw, train)
          const kept = inner.flatMap((s, i) => (train[i] ? [[s, targets[i]!] as const] : []))
          value = spearman(
            kept.map((k) => k[0]),
            kept.map((k) => k[1]),
          )
        }
        if (value > bestValue + 1e-9) {
          bestValue = value
          best = k
        }
      })
      const w = grid[best]!
      chosen.push(
        `${w.specificityWeight}/${w.offTopicBelow}/${w.fillerWeight}/${w.certaintyWeight}/${w.onTopicAt}/${w.reachOnTopic.join('-')}`,
      )
      const all = heldOut(rawOf[best]!)
      cases.forEach((c, i) => {
        if (c.questionId === held) {
          scores[i] = all[i]!
          raws[i] = rawOf[best]![i]!
        }
      })
    }
    const name = `${gridName}, weights by ${by}`
    rows.push(row(name, raws, scores))
    notes.push(
      `${name}: ${[...new Set(chosen)].map((c) => `${c} (${chosen.filter((x) => x === c).length})`).join(', ')}`,
    )
  }
}
console.log([...header, ...rows].join('\n'))
console.log(
  `\nWeights chosen (specificity / off-topic floor / filler / certainty / on-topic-at / reach), 15 fits:\n${notes.join('\n')}`,
)
