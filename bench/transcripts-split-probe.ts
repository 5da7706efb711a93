/**
 * `npm run bench:transcripts-split`: does the offline grader score the same content the same
 * when it is said in shorter sentences or without articles (as many non-native speakers write:
 * "We take lock. Other request waits.")? Each dev case at the good, mediocre and concise-excellent
 * levels is graded as written and rewritten three ways, with the same words throughout: articles
 * dropped; sentences cut at their conjunctions and semicolons ("..., so we ..." becomes ". So we
 * ..."); both. The score is the shipped scale's map of the pooled rubric measure (as
 * bench:transcripts-variants scores), without the claims penalty and evidence cap the product
 * adds. A grader invariant to these rewrites scores every column the same. Prints only
 * (docs/benchmarks.md, "Grading: low band, calibration and weighting variants not kept").
 */
import { FITTED_SCORE_SCALE } from '../server/grading/fitted-score-scale.js'
import { calibrationPoint, measureTranscript } from '../server/grading/offline-grader.js'
import { applyScale, rawMeasure } from '../server/grading/score-scale.js'
import { mean } from './transcripts-bench/rank-metrics.js'
import { loadMeasureInputs } from './transcripts-bench/measure-inputs.js'
import { dropArticles, shortSentences } from './transcripts-bench/sentence-rewrites.js'

const LEVELS = ['excellent-concise', 'good', 'mediocre']

const REWRITES: [string, (text: string) => string][] = [
  ['as written', (t) => t],
  ['no articles', dropArticles],
  ['short sentences', shortSentences],
  ['both', (t) => shortSentences(dropArticles(t))],
]

/** Two decimals, without a minus sign on a rounded zero. */
const fmt = (x: number) => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2)

const { cases, bank, analyzer, profileOf } = await loadMeasureInputs()
const rows = cases
  .filter((c) => LEVELS.includes(c.level))
  .map((c) => {
    const q = bank.get(c.questionId)
    if (!q) throw new Error(`no question ${c.questionId}`)
    const graded = REWRITES.map(([, rewrite]) => {
      const turns = c.turns.map((t) =>
        t.role === 'candidate' ? { ...t, text: rewrite(t.text) } : t,
      )
      const m = measureTranscript(analyzer, profileOf, q, { questionId: c.questionId, turns })
      const p = calibrationPoint(q, m, c.target)
      return {
        score: applyScale(FITTED_SCORE_SCALE.knots, rawMeasure(p, FITTED_SCORE_SCALE)),
        filler: p.fillerShare,
        sentences: m.sentences.length,
      }
    })
    return { id: `${c.questionId}/${c.level}`, graded }
  })

console.log(
  `${rows.length} dev cases (${LEVELS.join(', ')}), shipped scale (${FITTED_SCORE_SCALE.fittedOn})`,
)
console.log(
  '| rewrite | sentences (mean) | filler share (mean) | score (mean) | change (mean) | change (largest fall) |',
)
console.log('|---|---|---|---|---|---|')
REWRITES.forEach(([name], k) => {
  const change = rows.map((r) => r.graded[k]!.score - r.graded[0]!.score)
  console.log(
    `| ${name} | ${mean(rows.map((r) => r.graded[k]!.sentences)).toFixed(1)} | ${mean(rows.map((r) => r.graded[k]!.filler)).toFixed(2)} | ${mean(rows.map((r) => r.graded[k]!.score)).toFixed(2)} | ${fmt(mean(change))} | ${(Math.abs(Math.min(...change)) < 0.05 ? 0 : Math.min(...change)).toFixed(1)} |`,
  )
})
const falls = rows
  .map((r) => ({ id: r.id, fall: r.graded[2]!.score - r.graded[0]!.score }))
  .sort((a, b) => a.fall - b.fall)
  .slice(0, 5)
console.log(
  `Largest falls, short sentences: ${falls.map((f) => `${f.id} ${f.fall.toFixed(1)}`).join(', ')}`,
)
