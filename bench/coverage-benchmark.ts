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
import { COVERAGE_LABELS } from './coverage-labels.js'
import {
  bestThreshold,
  leaveOneQuestionOut,
  measure,
  type Confusion,
  type ScoredPair,
} from './coverage-metrics.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Coverage map'

const bank = await loadQuestionBank('questions')
const analyzer = createTextAnalyzer({ embeddings: createWinkEmbeddingsLoader() })

type Scorer = { analyzer: TextAnalyzer; profiles: Map<string, QuestionProfile> }
const scorerOf = (a: TextAnalyzer): Scorer => ({
  analyzer: a,
  profiles: new Map(
    bank.questions.map((q) => [q.id, buildQuestionProfile(q, bank.questions, a)] as const),
  ),
})

function scorePairs(tuning: Partial<CoverageTuning>, scorer: Scorer): ScoredPair[] {
  const pairs: ScoredPair[] = []
  for (const question of bank.questions) {
    const profile = scorer.profiles.get(question.id)!
    for (const label of COVERAGE_LABELS[question.id] ?? []) {
      const map = computeCoverageMap({
        question,
        profile,
        answers: [label.text],
        analyzer: scorer.analyzer,
        tuning,
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

const withVectors = scorerOf(analyzer)
const started = performance.now()
const pairs = scorePairs({}, withVectors)
const elapsed = performance.now() - started
const positives = pairs.filter((p) => p.covered).length
const answers = Object.values(COVERAGE_LABELS).reduce((n, l) => n + l.length, 0)
const t = DEFAULT_COVERAGE_TUNING.partial

const held = leaveOneQuestionOut(pairs)
const atDefault = measure(pairs, t)
const fitted = bestThreshold(pairs)
console.log(
  `pairs: ${pairs.length} (${positives} covered), ${answers} answers, ${bank.questions.length} questions`,
)
console.log(`held out: ${line(held.confusion)}`)
console.log(`at default ${t}: ${line(atDefault)}`)
console.log(`at ${fitted} (fitted on all): ${line(measure(pairs, fitted))}`)

const perQuestion = bank.questions.map((q) => {
  const x = held.thresholds.get(q.id)!
  const own = pairs.filter((p) => p.questionId === q.id)
  return { q, x, m: measure(own, x) }
})
for (const { q, x, m } of perQuestion) console.log(`  ${q.number} ${q.id} at ${f(x)}: ${line(m)}`)

type Row = { name: string; m: Confusion; heldF1: number }
const variants: Array<[string, Partial<CoverageTuning>, Scorer?]> = [
  ['no cue bonus', { cueBonus: 0 }],
  ['no model-answer exemplars', { exemplarFactor: 0 }],
  ['no competition between steps', { competition: 0 }],
  [
    'step text only (no cues, exemplars or competition)',
    { cueBonus: 0, exemplarFactor: 0, competition: 0 },
  ],
  ['stems only (no word vectors)', {}, scorerOf(createTextAnalyzer())],
]
const rows: Row[] = variants.map(([name, tuning, scorer]) => {
  const scored = scorePairs(tuning, scorer ?? withVectors)
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
lines), some name a step only to dismiss it. Text similarity is server/text's analyzer (default
options) with the wink 100-d word vectors.

Run: \`npm run bench:coverage\` (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}).

| decision | precision | recall | F1 | accuracy |
|---|---|---|---|---|
| **threshold chosen with the question held out** (leave one question out; ${f(Math.min(...thresholds))}-${f(Math.max(...thresholds))}) | ${cells(held.confusion)} |
| default threshold ${t} | ${cells(atDefault)} |
| threshold fitted on all questions (${fitted}, optimistic) | ${cells(measure(pairs, fitted))} |

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

Caveats: the labels are one person's. The interviewer only uses the decision to choose what to
ask next, so an error costs a redundant or premature follow-up, never a grade.
`
const current = await readFile(REPORT, 'utf8').catch(() => '')
await writeFile(REPORT, replaceSection(current, SECTION, section))
