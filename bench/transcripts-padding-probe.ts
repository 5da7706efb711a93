/**
 * `npm run bench:transcripts-padding`: where a padded answer's points go. Each dev padded-good
 * case (a good answer stretched to about three times its length with filler, nothing new; its
 * target is about half a point under the plain answer's) against the same answer plain: the
 * rubric's reach pooled by weight (as the scale is fitted on, offline-grader.ts calibrationPoint),
 * split into the points named by their own word and those reached by near words only
 * (content-measure.ts ownRecall); the filler share; and the score, the shipped scale's map of the
 * pooled measure without the claims penalty and evidence cap the product adds (as
 * bench:transcripts-variants scores). Two counterfactual scores of the padded answer separate
 * the two ways padding moves the measure: with the plain answer's reach (what the padding adds to
 * the reach taken away) and with the plain answer's filler share (the filler penalty taken away).
 * Prints only (docs/benchmarks.md, "Grading: padding, what it costs and why").
 */
import { FITTED_SCORE_SCALE } from '../server/grading/fitted-score-scale.js'
import {
  calibrationPoint,
  measureTranscript,
  type TranscriptMeasure,
} from '../server/grading/offline-grader.js'
import { applyScale, rawMeasure, type RawParts } from '../server/grading/score-scale.js'
import type { Question } from '../server/questions/question-schema.js'
import { mean } from './transcripts-bench/rank-metrics.js'
import { loadMeasureInputs } from './transcripts-bench/measure-inputs.js'
import { candidateWords } from './transcripts-bench/transcript-case.js'

/** The rubric criteria's own-word reach pooled by weight, as calibrationPoint pools recall. */
function pooledOwnWord(question: Question, m: TranscriptMeasure): number {
  let sum = 0
  let total = 0
  m.profile.targets.forEach((t, i) => {
    if (t.kind !== 'criterion') return
    const w = question.rubric.find((r) => r.name === t.name)?.weight ?? 1
    sum += w * m.content.ownRecall[i]!
    total += w
  })
  return total > 0 ? sum / total : 0
}

const scale = FITTED_SCORE_SCALE
const scoreOf = (p: RawParts) => applyScale(scale.knots, rawMeasure(p, scale))
const f2 = (x: number) => x.toFixed(2)
const f1 = (x: number) => x.toFixed(1)

const { cases, bank, analyzer, profileOf } = await loadMeasureInputs()
const rows = cases
  .filter((c) => c.level === 'padded-good' && c.baseLevel)
  .map((padded) => {
    const plain = cases.find(
      (c) => c.questionId === padded.questionId && c.level === padded.baseLevel,
    )
    const q = bank.get(padded.questionId)
    if (!plain || !q) throw new Error(`no base case or question for ${padded.questionId}`)
    const measure = (c: typeof padded) => {
      const m = measureTranscript(analyzer, profileOf, q, {
        questionId: c.questionId,
        turns: c.turns,
      })
      return {
        p: calibrationPoint(q, m, c.target),
        own: pooledOwnWord(q, m),
        words: candidateWords(c),
      }
    }
    const a = measure(plain)
    const b = measure(padded)
    return {
      id: padded.questionId,
      a,
      b,
      scoreA: scoreOf(a.p),
      scoreB: scoreOf(b.p),
      // The padded answer with the plain answer's reach: only the filler share's cost is left.
      sameReach: scoreOf({ ...b.p, recall: a.p.recall, reach: a.p.reach }),
      // The padded answer with the plain answer's filler share: only what padding adds is left.
      sameFiller: scoreOf({ ...b.p, fillerShare: a.p.fillerShare }),
    }
  })

console.log(
  `${rows.length} dev padded-good cases against the same answer plain; shipped scale (${scale.fittedOn}, filler weight ${scale.fillerWeight})`,
)
console.log(
  '| question | words | reach (own-word part) | filler share | topicality | score | padded with the plain reach | padded with the plain filler share |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const r of rows)
  console.log(
    `| ${r.id} | ${r.a.words} → ${r.b.words} | ${f2(r.a.p.recall)} (${f2(r.a.own)}) → ${f2(r.b.p.recall)} (${f2(r.b.own)}) | ${f2(r.a.p.fillerShare)} → ${f2(r.b.p.fillerShare)} | ${f2(r.a.p.topicality)} → ${f2(r.b.p.topicality)} | ${f1(r.scoreA)} → ${f1(r.scoreB)} | ${f1(r.sameReach)} | ${f1(r.sameFiller)} |`,
  )
const m = (f: (r: (typeof rows)[number]) => number) => mean(rows.map(f))
console.log(
  `| mean | ${Math.round(m((r) => r.a.words))} → ${Math.round(m((r) => r.b.words))} | ${f2(m((r) => r.a.p.recall))} (${f2(m((r) => r.a.own))}) → ${f2(m((r) => r.b.p.recall))} (${f2(m((r) => r.b.own))}) | ${f2(m((r) => r.a.p.fillerShare))} → ${f2(m((r) => r.b.p.fillerShare))} | ${f2(m((r) => r.a.p.topicality))} → ${f2(m((r) => r.b.p.topicality))} | ${f2(m((r) => r.scoreA))} → ${f2(m((r) => r.scoreB))} | ${f2(m((r) => r.sameReach))} | ${f2(m((r) => r.sameFiller))} |`,
)
