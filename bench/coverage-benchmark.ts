/**
 * Measures the coverage map's covered / not-covered decision for framework steps against the
 * hand-labelled (answer, step) pairs of bench/coverage-labels.ts (all 15 questions), with the real
 * text analyzer and word vectors. The honest figure picks the threshold with the question held out
 * (leave one question out); figures at the default threshold and per question follow, then
 * ablations. Writes the "Coverage map" section of docs/benchmarks.md.
 *
 *   npm run bench:coverage
 */
import { readFile, writeFile } from 'node:fs/promises'
import {
  computeCoverageMap,
  DEFAULT_COVERAGE_TUNING,
  type CoverageTuning,
} from '../server/interview/coverage-map.js'
import { buildQuestionProfile, type QuestionProfile } from '../server/interview/question-profile.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import {
  createTextAnalyzer,
  createWinkEmbeddingsLoader,
  type TextAnalyzer,
} from '../server/text/index.js'
import { FRESH_COVERAGE_LABELS } from './coverage-labels-fresh.js'
import { COVERAGE_LABELS, type LabelledAnswer } from './coverage-labels.js'
import {
  bestThreshold,
  leaveOneQuestionOut,
  measure,
  type Confusion,
  type ScoredPair,
} from './coverage-metrics.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const ACTIVITY_BONUSES = [0.05, 0.1, 0.15, 0.2]
const MAX_ACTIVITIES = [1, 2, 3]
const RIVALRIES = [0.3, 0.5, 0.7]
const DISMISSALS = [1, 0.7, 0.5]
const SECTION = '## Coverage map'

const bank = await loadQuestionBank('questions')
const analyzer = createTextAnalyzer({ embeddings: createWinkEmbeddingsLoader() })

// Passage scores by the analyzer are cached across tunings: only the cheap combination differs.
type Scorer = {
  analyzer: TextAnalyzer
  profiles: Map<string, QuestionProfile>
  cache: Map<string, number>
}
const scorerOf = (a: TextAnalyzer): Scorer => ({
  analyzer: a,
  cache: new Map(),
  profiles: new Map(
    bank.questions.map((q) => [q.id, buildQuestionProfile(q, bank.questions, a)] as const),
  ),
})

function scorePairs(
  tuning: Partial<CoverageTuning>,
  scorer: Scorer,
  labels: Record<string, LabelledAnswer[]> = COVERAGE_LABELS,
): ScoredPair[] {
  const pairs: ScoredPair[] = []
  for (const question of bank.questions) {
    const profile = scorer.profiles.get(question.id)!
    for (const label of labels[question.id] ?? []) {
      const map = computeCoverageMap({
        question,
        profile,
        answers: [label.text],
        analyzer: scorer.analyzer,
        tuning,
        cache: scorer.cache,
      })
      question.framework.steps.forEach((step, i) => {
        pairs.push({
          score: map.steps[i]!.score,
          covered: label.covers.includes(step.number),
          questionId: question.id,
        })
      })
    }
  }
  return pairs
}

const f = (x: number) => x.toFixed(2)
const cells = (m: Confusion) => `${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} | ${f(m.accuracy)}`
const line = (m: Confusion) =>
  `P ${f(m.precision)} R ${f(m.recall)} F1 ${f(m.f1)} acc ${f(m.accuracy)} ` +
  `(tp ${m.tp} fp ${m.fp} fn ${m.fn} tn ${m.tn})`

// As in the server (interview-runtime.ts): stems only; word vectors are an ablation below.
const stemsOnly = scorerOf(createTextAnalyzer())
const withVectors = scorerOf(analyzer)
const started = performance.now()
const pairs = scorePairs({}, stemsOnly)
const elapsed = performance.now() - started
const positives = pairs.filter((p) => p.covered).length
const answers = Object.values(COVERAGE_LABELS).reduce((n, l) => n + l.length, 0)
const t = DEFAULT_COVERAGE_TUNING.partial

const held = leaveOneQuestionOut(pairs)
const atDefault = measure(pairs, t)

// Every constant chosen with the question held out: for each question, the analyzer (with or
// without word vectors), the activity bonus, the rivalry and the threshold that do best on the
// other 14 questions, applied to it.
const GRID = [
  ['vectors', withVectors],
  ['stems', stemsOnly],
].flatMap(([name, scorer]) =>
  ACTIVITY_BONUSES.flatMap((activityBonus) =>
    RIVALRIES.flatMap((rivalry) =>
      DISMISSALS.flatMap((dismissal) =>
        MAX_ACTIVITIES.map((maxActivities) => ({
          name: `${name} bonus ${activityBonus} x${maxActivities} rivalry ${rivalry} dismissal ${dismissal}`,
          pairs: scorePairs({ activityBonus, maxActivities, rivalry, dismissal }, scorer as Scorer),
        })),
      ),
    ),
  ),
)
const nested: ScoredPair[] = []
const chosen = new Map<string, number>()
for (const q of bank.questions) {
  let best = { f1: -1, x: 0, pairs: [] as ScoredPair[], name: '' }
  for (const g of GRID) {
    const train = g.pairs.filter((p) => p.questionId !== q.id)
    const x = bestThreshold(train)
    const f1 = measure(train, x).f1
    if (f1 > best.f1 + 1e-12) best = { f1, x, pairs: g.pairs, name: g.name }
  }
  const key = `${best.name}, threshold ${f(best.x)}`
  chosen.set(key, (chosen.get(key) ?? 0) + 1)
  for (const p of best.pairs) {
    if (p.questionId === q.id) nested.push({ ...p, score: p.score >= best.x ? 1 : 0 })
  }
}
const honest = measure(nested, 1)
const chosenText = [...chosen].map(([k, n]) => `${k} (${n}x)`).join('; ')
console.log(`all constants held out: ${line(honest)}\n  chosen: ${chosenText}`)
const fitted = bestThreshold(pairs)
console.log(
  `pairs: ${pairs.length} (${positives} covered), ${answers} answers, ${bank.questions.length} questions`,
)
console.log(`threshold held out: ${line(held.confusion)}`)
console.log(`at default ${t}: ${line(atDefault)}`)
console.log(`at ${fitted} (fitted on all): ${line(measure(pairs, fitted))}`)

// The fresh set, labelled after the method was frozen: the shipped constants and threshold.
const freshPairs = scorePairs({}, stemsOnly, FRESH_COVERAGE_LABELS)
const fresh = measure(freshPairs, t)
const freshAnswers = Object.values(FRESH_COVERAGE_LABELS).reduce((n, l) => n + l.length, 0)
const freshPositives = freshPairs.filter((p) => p.covered).length
console.log(`fresh set (${freshPairs.length} pairs): ${line(fresh)}`)

const perQuestion = bank.questions.map((q) => {
  const x = held.thresholds.get(q.id)!
  const own = pairs.filter((p) => p.questionId === q.id)
  return { q, x, m: measure(own, x) }
})
for (const { q, x, m } of perQuestion) console.log(`  ${q.number} ${q.id} at ${f(x)}: ${line(m)}`)

type Row = { name: string; m: Confusion; heldF1: number }
const variants: Array<[string, Partial<CoverageTuning>, Scorer?]> = [
  ['no activity cues', { activityBonus: 0 }],
  ['no rivalry between steps', { rivalry: 0 }],
  ['no model-answer exemplars', { exemplarFactor: 0 }],
  [
    'step text only (no cues, exemplars or rivalry)',
    { activityBonus: 0, exemplarFactor: 0, rivalry: 0 },
  ],
  ['with word vectors (the analyzer the grader uses)', {}, withVectors],
]
const rows: Row[] = variants.map(([name, tuning, scorer]) => {
  const scored = scorePairs(tuning, scorer ?? stemsOnly)
  const row = { name, m: measure(scored, t), heldF1: leaveOneQuestionOut(scored).confusion.f1 }
  console.log(`${name}: at ${t} ${line(row.m)}; held-out F1 ${f(row.heldF1)}`)
  return row
})

const thresholds = [...held.thresholds.values()]
const section = `${SECTION}

What is measured: the interviewer's covered / not-covered decision for framework steps
(server/interview/coverage-map.ts; a step counts as covered at level \`partial\` or better), against
hand-labelled (answer, step) pairs for all ${bank.questions.length} questions of the bank (bench/coverage-labels*.ts:
${answers} answers phrased as candidates talk, ${pairs.length} pairs, ${positives} covered). The answers of
questions 3 and 5-15 were written and labelled before the method was tuned on them; many cover a
step in words far from the step's own, some cover nothing (keyword lists, vague or off-topic
lines), some name a step only to dismiss it.

Method: each sentence and pair of adjacent sentences of the answers is scored against each step
by the soft recall of the step's name and description (question words demoted) or 0.7 x its
similarity to a model-answer sentence of that step's section, with server/text's analyzer on stems
only (as the server does; word vectors are an ablation below); plus 0.1 per activity of the step (or its step kind's cue words)
the passage shows, up to 3 (server/interview/coverage-cues.ts: recurring moves such as stage
gates, rollback switches, cost figures or diagnosis, each found in a step by its own words and
heard in a passage by the words a candidate doing it uses; each serves steps of at least two
questions); x0.7 when the passage dismisses rather than does ("we should just", "I would not");
less half of the passage's best other step (rivalry: a passage covers what it does best); x2.8 to
the scale the thresholds are on. A step's score is its best passage.

Run: \`npm run bench:coverage\` (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}).

| decision | precision | recall | F1 | accuracy |
|---|---|---|---|---|
| **every constant chosen with the question held out** (analyzer, activity bonus and cap, rivalry, dismissal factor and threshold picked on the other 14 questions) | ${cells(honest)} |
| default constants, threshold chosen with the question held out (${f(Math.min(...thresholds))}-${f(Math.max(...thresholds))}) | ${cells(held.confusion)} |
| default threshold ${t} | ${cells(atDefault)} |
| threshold fitted on all questions (${fitted}, optimistic) | ${cells(measure(pairs, fitted))} |
| **fresh set** (${freshAnswers} answers, ${freshPairs.length} pairs, ${freshPositives} covered, written and labelled after the method was frozen), shipped constants and threshold | ${cells(fresh)} |

Per question (held-out threshold):

| question | threshold | precision | recall | F1 | accuracy |
|---|---|---|---|---|---|
${perQuestion.map(({ q, x, m }) => `| ${q.number}. ${q.title} | ${f(x)} | ${cells(m)} |`).join('\n')}

Ablations (threshold ${t}; last column: F1 with the threshold chosen held out):

| variant | precision | recall | F1 | accuracy | held-out F1 |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r.name} | ${cells(r.m)} | ${f(r.heldF1)} |`).join('\n')}

Scoring all ${pairs.length} pairs takes ${(elapsed / 1000).toFixed(1)} s. In the server the first answer of a
session costs tens of ms of main-thread CPU for its coverage map; later answers only score their
new passages (scores are cached per passage).

Caveats: the labels are one person's, and the activity words were written by the same person
after the labels (phrases that echoed a labelled answer were then taken out); the held-out rows
hold out the constants and the threshold, not that judgment. The fresh set measures that: on
answers written after the method was frozen, F1 is ${f(fresh.f1)} (recall ${f(fresh.recall)}), with 30
positives, so about +-0.1; expect new phrasings to be heard less often than the labelled ones. The goal of issue 9 was F1 >= 0.80 held out; this method reaches about two thirds
of the way from where it started (0.46 on the same pairs), and the remaining errors are mostly
semantic: a step done in words neither its text, its model-answer section nor its activity words
share, or a vague line that reuses a step's vocabulary. The stems-only analyzer beats word vectors
here because the 100-d vectors make every step look a little like every answer. The interviewer
only uses the decision to choose what to ask next, so an error costs a redundant or premature
follow-up, never a grade.
`
const current = await readFile(REPORT, 'utf8').catch(() => '')
await writeFile(REPORT, replaceSection(current, SECTION, section))
