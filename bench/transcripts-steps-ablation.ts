/**
 * `npm run bench:transcripts-steps`: the ablation of a third on-topic signal for the offline
 * grader, framework steps done by the interviewer's step model (bench/transcripts-bench/
 * steps-on-topic.ts), on the graded transcripts of bench/transcripts/. Each variant is fitted
 * leaving each question out, like `npm run bench:transcripts`; the score of a case is the
 * held-out map of its pooled rubric measure (what the scale is fitted on; the product grader adds
 * the claims penalty and the evidence cap on top, so its figures differ by a little). Also times
 * the step model per transcript, each question's profile built beforehand. Prints only.
 */
import { computePercentile } from './stream/percentile.js'
import { calibrationPoint, measureTranscript } from '../server/grading/offline-grader.js'
import { applyScale } from '../server/grading/score-scale.js'
import { createStemCoverageTracker } from '../server/interview/stem-coverage-tracker.js'
import { shorterAndBetter } from './transcripts-bench/offline-bench-grader.js'
import { meanAbsoluteError, shareWithinRange, spearman } from './transcripts-bench/rank-metrics.js'
import {
  fitWithSteps,
  rawMeasureWithSteps,
  STEP_RAMPS,
  STEP_SIGNALS,
  stepSignals,
} from './transcripts-bench/steps-on-topic.js'
import { loadMeasureInputs } from './transcripts-bench/measure-inputs.js'
import { candidateWords } from './transcripts-bench/transcript-case.js'

const { cases, bank, analyzer, profileOf } = await loadMeasureInputs()
const tracker = createStemCoverageTracker(bank.questions)
const stepScores = (id: string, answers: readonly string[]) =>
  tracker.snapshot(bank.get(id)!, answers, null).map.steps.map((s) => s.score)
// Each question's step profile and model-answer scores first, so the timing is per transcript.
const model = new Map(bank.questions.map((q) => [q.id, stepScores(q.id, [q.modelAnswer])]))

const ms: number[] = []
const measured = cases.map((c) => {
  const q = bank.get(c.questionId)
  if (!q) throw new Error(`no question ${c.questionId}`)
  const m = measureTranscript(analyzer, profileOf, q, { questionId: c.questionId, turns: c.turns })
  const answers = m.transcript.turns.filter((t) => t.role === 'candidate').map((t) => t.text)
  const start = performance.now()
  const signals = stepSignals(stepScores(q.id, answers), model.get(q.id)!)
  ms.push(performance.now() - start)
  return { c, point: calibrationPoint(q, m, c.target), signals, words: candidateWords(c) }
})

const questionIds = [...new Set(cases.map((c) => c.questionId))]
const targets = cases.map((c) => c.target)
const rows: string[] = []
for (const variant of ['none', ...STEP_SIGNALS] as const) {
  const points = measured.map((m) => ({
    ...m.point,
    steps: variant === 'none' ? 0 : m.signals[variant],
    questionId: m.c.questionId,
    words: m.words,
  }))
  const ramps = variant === 'none' ? [null] : STEP_RAMPS[variant]
  const scores = new Array<number>(points.length)
  const chosen: string[] = []
  for (const held of questionIds) {
    const others = points.filter((p) => p.questionId !== held)
    const fit = fitWithSteps(others, ramps, shorterAndBetter(others))
    chosen.push(fit.weights.stepsOnTopic?.join('-') ?? 'none')
    points.forEach((p, i) => {
      if (p.questionId === held)
        scores[i] = applyScale(fit.knots, rawMeasureWithSteps(p, fit.weights))
    })
  }
  const scoreOf = (q: string, level: string) =>
    scores[cases.findIndex((c) => c.questionId === q && c.level === level)] ?? Number.NaN
  const belowMediocre = questionIds.flatMap((q) =>
    ['off-topic', 'keyword-list'].map((l) => scoreOf(q, l) >= scoreOf(q, 'mediocre')),
  )
  const padded = questionIds.filter((q) => scoreOf(q, 'padded-good') > scoreOf(q, 'good'))
  const tally = [...new Set(chosen)].map((r) => `${r} (${chosen.filter((x) => x === r).length})`)
  rows.push(
    `| ${variant === 'none' ? 'without (shipped factor)' : `steps ${variant}`} | ${spearman(scores, targets).toFixed(3)} | ${meanAbsoluteError(scores, targets).toFixed(2)} | ${Math.round(
      shareWithinRange(
        scores,
        cases.map((c) => c.range),
      ) * 100,
    )}% | ${belowMediocre.filter(Boolean).length} of ${belowMediocre.length} | ${padded.length} of ${questionIds.length} | ${tally.join(', ')} |`,
  )
}
const p = (q: number) => computePercentile(ms, q)?.toFixed(1) ?? 'n/a'
console.log(
  [
    '| variant | Spearman held out | MAE | within range | keyword-list or off-topic at or above mediocre | padded above good | step ramp chosen (15 fits) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Step model per transcript (stems only, profiles built): p50 ${p(50)} ms, p99 ${p(99)} ms.`,
  ].join('\n'),
)
