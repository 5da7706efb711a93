/**
 * Measures the coverage map's covered / not-covered decision against hand-labelled
 * (answer, framework step) pairs (bench/coverage-labels.ts), with the real text analyzer and
 * word vectors. Prints precision, recall, F1 and accuracy at the default threshold, a threshold
 * sweep, and an ablation without model-answer exemplars.
 *
 *   npx tsx bench/coverage-benchmark.ts
 */
import {
  computeCoverageMap,
  DEFAULT_COVERAGE_TUNING,
  type CoverageTuning,
} from '../server/interview/coverage-map.js'
import { buildQuestionProfile, type QuestionProfile } from '../server/interview/question-profile.js'
import {
  createTextAnalyzer,
  createWinkEmbeddingsLoader,
  type TextAnalyzer,
} from '../server/text/index.js'
import {
  FIXTURE_QUESTION_IDS,
  loadFixtureQuestion,
} from '../tests/server/interview/fixtures/load-question.js'
import { COVERAGE_LABELS } from './coverage-labels.js'

type Scored = { score: number; covered: boolean; questionId: string }

function measure(pairs: Scored[], threshold: number) {
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
  return { precision, recall, f1, accuracy: (tp + tn) / pairs.length, tp, fp, fn, tn }
}

function scorePairs(
  tuning: Partial<CoverageTuning>,
  using: { analyzer: TextAnalyzer; profiles: Map<string, QuestionProfile> } = {
    analyzer,
    profiles,
  },
): Scored[] {
  const pairs: Scored[] = []
  for (const id of FIXTURE_QUESTION_IDS) {
    const question = questions.get(id)!
    const profile = using.profiles.get(id)!
    for (const label of COVERAGE_LABELS[id] ?? []) {
      const map = computeCoverageMap({
        question,
        profile,
        answers: [label.text],
        analyzer: using.analyzer,
        tuning,
      })
      question.framework.steps.forEach((step, i) => {
        pairs.push({
          score: map.steps[i]!.score,
          covered: label.covers.includes(step.number),
          questionId: id,
        })
      })
    }
  }
  return pairs
}

const fmt = (x: number) => x.toFixed(2)
const analyzer = createTextAnalyzer({ embeddings: createWinkEmbeddingsLoader() })
const questions = new Map(FIXTURE_QUESTION_IDS.map((id) => [id, loadFixtureQuestion(id)]))
const bank = [...questions.values()]
const profiles = new Map(
  FIXTURE_QUESTION_IDS.map((id) => [id, buildQuestionProfile(questions.get(id)!, bank, analyzer)]),
)

const started = performance.now()
const pairs = scorePairs({})
const elapsed = performance.now() - started
const positives = pairs.filter((p) => p.covered).length
const t = DEFAULT_COVERAGE_TUNING.partial
const line = (m: ReturnType<typeof measure>) =>
  `precision ${fmt(m.precision)} recall ${fmt(m.recall)} F1 ${fmt(m.f1)} ` +
  `accuracy ${fmt(m.accuracy)} (tp ${m.tp} fp ${m.fp} fn ${m.fn} tn ${m.tn})`
console.log(
  `pairs: ${pairs.length} (${positives} covered) over ${FIXTURE_QUESTION_IDS.length} questions`,
)
console.log(
  `default tuning ${JSON.stringify(DEFAULT_COVERAGE_TUNING)}:\n  ${line(measure(pairs, t))}`,
)
console.log(`scoring time: ${elapsed.toFixed(0)} ms for ${pairs.length} pairs`)
console.log('variants (best threshold on this set in brackets, so optimistic):')
for (const variant of [
  { exemplarFactor: 0.7, competition: 0.8, cueBonus: 0 },
  { exemplarFactor: 0, competition: 0 },
  { exemplarFactor: 0, competition: 0.8 },
  { exemplarFactor: 0.7, competition: 0 },
  { exemplarFactor: 0.7, competition: 0.8 },
  { exemplarFactor: 0.9, competition: 0.8 },
]) {
  const scored = scorePairs(variant)
  let best = { x: 0, m: measure(scored, 0) }
  for (let x = 0.2; x <= 0.61; x += 0.02) {
    const m = measure(scored, x)
    if (m.f1 > best.m.f1) best = { x, m }
  }
  console.log(
    `  ${JSON.stringify(variant)} at ${t}: ${line(measure(scored, t))}\n` +
      `    [at ${best.x.toFixed(2)}: P ${fmt(best.m.precision)} R ${fmt(best.m.recall)} F1 ${fmt(best.m.f1)}]`,
  )
}

// Leave one question out: pick the threshold on two questions, measure on the third.
const held: Scored[] = []
const thresholds: string[] = []
for (const id of FIXTURE_QUESTION_IDS) {
  const train = pairs.filter((p) => p.questionId !== id)
  let bestX = 0.2
  for (let x = 0.2; x <= 0.61; x += 0.02) {
    if (measure(train, x).f1 > measure(train, bestX).f1) bestX = x
  }
  thresholds.push(bestX.toFixed(2))
  const test = pairs.filter((p) => p.questionId === id)
  held.push(...test.map((p) => ({ ...p, score: p.score >= bestX ? 1 : 0 })))
}
console.log(
  `leave-one-question-out (thresholds ${thresholds.join(', ')}): ${line(measure(held, 1))}`,
)

// Baseline: the same method with stems only (no word vectors), at its best threshold here.
const lexical = createTextAnalyzer()
const lexicalPairs = scorePairs(
  {},
  {
    analyzer: lexical,
    profiles: new Map(
      FIXTURE_QUESTION_IDS.map((id) => [
        id,
        buildQuestionProfile(questions.get(id)!, bank, lexical),
      ]),
    ),
  },
)
let bestLexical = { x: 0.2, m: measure(lexicalPairs, 0.2) }
for (let x = 0.1; x <= 0.61; x += 0.02) {
  const m = measure(lexicalPairs, x)
  if (m.f1 > bestLexical.m.f1) bestLexical = { x, m }
}
console.log(
  `lexical baseline (stems only) at ${t}: ${line(measure(lexicalPairs, t))}\n` +
    `  [at its best threshold ${bestLexical.x.toFixed(2)}: ${line(bestLexical.m)}]`,
)
