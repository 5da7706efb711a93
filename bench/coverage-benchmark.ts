/**
 * Measures the coverage map's covered / not-covered decision for framework steps against the
 * hand-labelled (answer, step) pairs of bench/coverage-labels*.ts (all 15 questions). The step
 * model's weights (server/interview/coverage-map.ts `StepModel`) are fitted here: the honest
 * figure refits them and picks the threshold with each question held out (leave one question
 * out); the fresh set, labelled after the method was frozen, is scored with the shipped
 * constants. Prints the weights fitted on all pairs (the shipped ones) and writes the "Coverage
 * map" section of docs/benchmarks.md.
 *
 *   npm run bench:coverage              (--errors also lists each held-out error)
 */
import { readFile, writeFile } from 'node:fs/promises'
import {
  centred,
  computeCoverageMap,
  DEFAULT_COVERAGE_TUNING,
  passageTraits,
  sectionStems,
  sectionText,
  stepFeatures,
  type CoverageTuning,
  type PassageScoreCache,
  type StepModel,
} from '../server/interview/coverage-map.js'
import { stepSections } from '../server/interview/coverage-sections.js'
import { buildQuestionProfile, type QuestionProfile } from '../server/interview/question-profile.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import { createTextAnalyzer } from '../server/text/index.js'
import { fitStepModel, type FitExample, type StepFeature } from './coverage-fit.js'
import { FRESH_COVERAGE_LABELS } from './coverage-labels-fresh.js'
import { COVERAGE_LABELS, type LabelledAnswer } from './coverage-labels.js'
import {
  classifyErrors,
  countErrors,
  ERROR_KINDS,
  type LabelledDecision,
} from './coverage-errors.js'
import {
  bestThreshold,
  bootstrapF1,
  measure,
  THRESHOLDS,
  type Confusion,
  type Interval,
} from './coverage-metrics.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Coverage map'
/** Fixed before measuring: a light penalty, enough to keep the weights finite. */
const L2 = 0.003
/** The previous method's precision at its `full` level, which the `full` threshold keeps. */
const FULL_PRECISION = 0.76

const bank = await loadQuestionBank('questions')
// As in the server (interview-runtime.ts): stems only.
const analyzer = createTextAnalyzer()
const profiles = new Map<string, QuestionProfile>(
  bank.questions.map((q) => [q.id, buildQuestionProfile(q, bank.questions, analyzer)]),
)
const cache: PassageScoreCache = new Map()
type Labels = Record<string, LabelledAnswer[]>

/** Each labelled answer as the fit sees it: one passage, its step features and traits. */
function examplesOf(labels: Labels): FitExample[] {
  return bank.questions.flatMap((q) => {
    const profile = profiles.get(q.id)!
    const sections = stepSections(q, analyzer)
    const demote = `${q.prompt}\n${q.scenario}`
    return (labels[q.id] ?? []).map((label) => ({
      questionId: q.id,
      // As the server scores them: less each step's baseline (coverage-baseline.ts).
      features: profile.steps.map((item) =>
        centred(
          stepFeatures(label.text, item, {
            analyzer,
            demote,
            section: sectionStems(analyzer, sectionText(item, sections)),
            maxActivities: DEFAULT_COVERAGE_TUNING.maxActivities,
          }),
          item.baseline,
        ),
      ),
      traits: passageTraits(label.text, analyzer),
      covers: q.framework.steps.map((s) => label.covers.includes(s.number)),
    }))
  })
}

/** Scores every labelled pair through the server's computeCoverageMap. */
function scorePairs(
  tuning: Partial<CoverageTuning>,
  labels: Labels,
  only?: string,
  scores: PassageScoreCache = cache,
): LabelledDecision[] {
  const pairs: LabelledDecision[] = []
  for (const question of bank.questions) {
    if (only !== undefined && question.id !== only) continue
    for (const label of labels[question.id] ?? []) {
      const map = computeCoverageMap({
        question,
        profile: profiles.get(question.id)!,
        answers: [label.text],
        analyzer,
        tuning,
        cache: scores,
      })
      question.framework.steps.forEach((step, i) => {
        pairs.push({
          score: map.steps[i]!.score,
          covered: label.covers.includes(step.number),
          questionId: question.id,
          answer: label.text,
          step: step.number,
        })
      })
    }
  }
  return pairs
}

/**
 * Leave one question out: for each question, the weights are fitted and the threshold chosen on
 * the other 14, then applied to it. Returns the pooled decisions and each question's threshold.
 */
function heldOut(without: readonly StepFeature[] = []) {
  const decisions: LabelledDecision[] = []
  const thresholds = new Map<string, number>()
  for (const q of bank.questions) {
    const train = examples.filter((e) => e.questionId !== q.id)
    const stepModel = fitStepModel(train, { l2: L2, without })
    const trainIds = new Set(train.map((e) => e.questionId))
    const trainPairs = scorePairs({ stepModel }, COVERAGE_LABELS).filter((p) =>
      trainIds.has(p.questionId),
    )
    const partial = bestThreshold(trainPairs)
    thresholds.set(q.id, partial)
    for (const p of scorePairs({ stepModel, partial }, COVERAGE_LABELS, q.id)) {
      decisions.push({ ...p, score: p.score >= partial ? 1 : 0 })
    }
  }
  return { confusion: measure(decisions, 1), decisions, thresholds }
}

const f = (x: number) => x.toFixed(2)
const cells = (m: Confusion) => `${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} | ${f(m.accuracy)}`
const line = (m: Confusion) =>
  `P ${f(m.precision)} R ${f(m.recall)} F1 ${f(m.f1)} acc ${f(m.accuracy)} ` +
  `(tp ${m.tp} fp ${m.fp} fn ${m.fn} tn ${m.tn})`

const examples = examplesOf(COVERAGE_LABELS)
const honest = heldOut()
console.log(`all held out: ${line(honest.confusion)}`)

// The shipped model: fitted on all labelled pairs. The threshold is chosen on them too.
const shipped = fitStepModel(examples, { l2: L2 })
const t = DEFAULT_COVERAGE_TUNING.partial
// Timed with nothing cached, as a new session's first answers are.
const started = performance.now()
const pairs = scorePairs({}, COVERAGE_LABELS, undefined, new Map())
const elapsed = performance.now() - started
const fittedPairs = scorePairs({ stepModel: shipped }, COVERAGE_LABELS)
const fittedThreshold = bestThreshold(fittedPairs)
console.log(`fitted on all pairs: ${JSON.stringify(shipped)}, threshold ${fittedThreshold}`)
const same = (a: StepModel, b: StepModel) =>
  (Object.keys(a) as (keyof StepModel)[]).every((k) => a[k] === b[k])
if (!same(shipped, DEFAULT_COVERAGE_TUNING.stepModel) || fittedThreshold !== t) {
  console.log('  the shipped DEFAULT_COVERAGE_TUNING differs: copy these into coverage-map.ts')
}
// CPU cost, as a coverage worker pays it: each question's profile (with its step baselines) once,
// then a map after every answer of a session (here: the question's labelled answers, main and
// fresh, one by one), features cached per passage.
const cpuMs = () => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}
let cpuStart = cpuMs()
const builtProfiles = bank.questions.map((q) => buildQuestionProfile(q, bank.questions, analyzer))
const profileCpu = (cpuMs() - cpuStart) / bank.questions.length
let mapsRun = 0
cpuStart = cpuMs()
bank.questions.forEach((question, i) => {
  const texts = [
    ...(COVERAGE_LABELS[question.id] ?? []),
    ...(FRESH_COVERAGE_LABELS[question.id] ?? []),
  ].map((l) => l.text)
  const session: PassageScoreCache = new Map()
  texts.forEach((_, k) => {
    const answers = texts.slice(0, k + 1)
    computeCoverageMap({ question, profile: builtProfiles[i]!, answers, analyzer, cache: session })
    mapsRun++
  })
})
const mapCpu = (cpuMs() - cpuStart) / mapsRun
const load = (await import('node:os')).loadavg()[0]!
console.log(
  `CPU: profile ${profileCpu.toFixed(0)} ms per question, map ${mapCpu.toFixed(2)} ms per answer (${mapsRun} answers), load average ${load.toFixed(1)}`,
)
const positives = pairs.filter((p) => p.covered).length
const answers = examples.length
const atDefault = measure(pairs, t)
const full = DEFAULT_COVERAGE_TUNING.full
const atFull = measure(pairs, full)
console.log(
  `pairs: ${pairs.length} (${positives} covered), ${answers} answers, ${bank.questions.length} questions`,
)
console.log(`shipped constants, in sample: ${line(atDefault)}`)
console.log(`at full ${full}: ${line(atFull)}`)
// The rule for `full`: the lowest score whose precision on the labelled pairs reaches the
// previous method's at its `full` (0.76), so the interviewer skips steps as surely as before.
const fullByRule = THRESHOLDS.find((x) => measure(fittedPairs, x).precision >= FULL_PRECISION)
console.log(`lowest score with precision >= ${FULL_PRECISION} (the rule for full): ${fullByRule}`)

// The fresh set, labelled after the method was frozen: the shipped constants and threshold.
const freshPairs = scorePairs({}, FRESH_COVERAGE_LABELS)
const fresh = measure(freshPairs, t)
const freshAnswers = Object.values(FRESH_COVERAGE_LABELS).reduce((n, l) => n + l.length, 0)
const freshPositives = freshPairs.filter((p) => p.covered).length
console.log(`fresh set (${freshPairs.length} pairs): ${line(fresh)}`)

const perQuestion = bank.questions.map((q) => ({
  q,
  x: honest.thresholds.get(q.id)!,
  m: measure(
    honest.decisions.filter((p) => p.questionId === q.id),
    1,
  ),
}))
for (const { q, x, m } of perQuestion) console.log(`  ${q.number} ${q.id} at ${f(x)}: ${line(m)}`)

// The held-out errors by kind: which are systematic (swaps between steps, vague lines) and where.
const errors = classifyErrors(honest.decisions)
const errorRows = countErrors(
  errors,
  bank.questions.map((q) => q.id),
)
const numberOf = new Map(bank.questions.map((q) => [q.id, q.number]))
const stepName = (id: string, n: number) =>
  bank.questions.find((q) => q.id === id)?.framework.steps[n - 1]?.name ?? `step ${n}`
for (const r of errorRows) {
  const counts = ERROR_KINDS.map((k) => `${k} ${r.counts[k]}`).join(', ')
  console.log(`  errors ${r.questionId === null ? 'all' : numberOf.get(r.questionId)}: ${counts}`)
}
if (process.argv.includes('--errors')) {
  for (const e of errors) {
    console.log(
      `  ${e.error.toUpperCase()} q${numberOf.get(e.questionId)} step ${e.step} ` +
        `(${stepName(e.questionId, e.step)}), ${e.kind}: ${e.answer}`,
    )
  }
}

const variants: Array<[string, StepFeature[]]> = [
  ['no activity cues', ['activity']],
  ['no model-answer section (section share)', ['section']],
  ['no model-answer exemplars', ['exemplar']],
  ['step text only (no cues, section or exemplars)', ['activity', 'section', 'exemplar']],
]
const ablations = variants.map(([name, without]) => ({ name, run: heldOut(without) }))
// How far each figure could move by chance: answers resampled with replacement (bootstrap), the
// ablations paired with the method on the same answers.
const spread = bootstrapF1([honest.decisions, ...ablations.map((a) => a.run.decisions)], 1)
const freshSpread = bootstrapF1([freshPairs], t).f1[0]!
const range = (i: Interval) => `${f(i.low)}-${f(i.high)}`
const signed = (x: number) => `${x >= 0 ? '+' : ''}${f(x)}`
console.log(`held-out F1 95% interval ${range(spread.f1[0]!)}, fresh ${range(freshSpread)}`)
const rows = ablations.map(({ name, run }, i) => {
  const m = run.confusion
  const change = signed(m.f1 - honest.confusion.f1)
  const within = spread.difference[i + 1]!
  console.log(`${name}: F1 change ${change} (${signed(within.low)} to ${signed(within.high)})`)
  console.log(`${name}: ${line(m)}`)
  return { name, m, change, within }
})

const thresholds = [...honest.thresholds.values()]
const w = DEFAULT_COVERAGE_TUNING.stepModel
const section = `${SECTION}

What is measured: the interviewer's covered / not-covered decision for framework steps
(server/interview/coverage-map.ts; a step counts as covered at level \`partial\` or better), against
hand-labelled (answer, step) pairs for all ${bank.questions.length} questions of the bank (bench/coverage-labels*.ts:
${answers} answers phrased as candidates talk, ${pairs.length} pairs, ${positives} covered). The answers of
questions 3 and 5-15 were written and labelled before the method was tuned on them; many cover a
step in words far from the step's own, some cover nothing (keyword lists, vague or off-topic
lines), some name a step only to dismiss it.

Method: each sentence, pair of adjacent sentences and, in a sentence split by semicolons or
colons into two or more clauses of 4 words or more, each clause of the answers is a passage (a
sentence doing two steps splits the softmax's chance between them; each clause gives its step the
chance in full). For each step it gets four features, with server/text's analyzer on stems only: the soft recall of the step's
name and description (question words demoted); the best similarity to a model-answer sentence of
the profile's exemplars for that step; the number of the step's activities it shows, up to 3
(server/interview/coverage-cues.ts: recurring moves such as stage gates, rollback switches, cost
figures or diagnosis, each serving steps of at least two questions); and the share of its own
words (their stems) found in the step's text and model-answer section (server/interview/coverage-sections.ts:
the model answer's lines go to the step of the last heading or label that named one, "Impact
(quantified):", code comments included). Each feature is taken less the step's baseline, its mean
over up to 240 sentences of the other questions' model answers (server/interview/coverage-baseline.ts,
computed once per question with its profile): a step whose words are common in any design talk
("Risk Analysis", "Implementation Strategy") no longer scores on them. A softmax over the steps and "none of them" turns the
weighted features into the chance that the passage does each step; "none" has a constant, raised
when the passage dismisses ("we should just", "I would not") or is short, lowered when it has a
number. A step's score is its best passage's chance. The weights are fitted by cross-entropy with
a light L2 penalty (${L2}, fixed before measuring; bench/coverage-fit.ts). Shipped weights, fitted on
all pairs: recall ${w.recall}, exemplar ${w.exemplar}, activity ${w.activity}, section ${w.section}; none ${w.none},
dismissal ${w.noneDismissal}, ln(1 + words) ${w.noneLength}, number ${w.noneNumber}; covered at ${t}. The
interviewer stops asking about a step once the map calls it covered (level \`partial\`; until
2026-12-03 only at \`full\`, ${full}, whose precision on the labelled pairs is ${f(atFull.precision)} and recall
${f(atFull.recall)}; the previous method's \`full\`: 0.76 and 0.49).

Run: \`npm run bench:coverage\` (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}).

| decision | precision | recall | F1 | accuracy |
|---|---|---|---|---|
| **weights and threshold fitted with the question held out** (on the other 14 questions; thresholds ${f(Math.min(...thresholds))}-${f(Math.max(...thresholds))}; F1's 95% bootstrap interval ${range(spread.f1[0]!)}) | ${cells(honest.confusion)} |
| shipped weights and threshold (fitted on all questions, optimistic) | ${cells(atDefault)} |
| **fresh set** (${freshAnswers} answers, ${freshPairs.length} pairs, ${freshPositives} covered, written and labelled before this method; its figure was looked at while choosing among a few feature sets; F1's 95% bootstrap interval ${range(freshSpread)}), shipped weights and threshold | ${cells(fresh)} |

Before 2026-12-03's change (features not centred on a baseline, no clause passages; commit
7797ce4) the same protocol gave 0.67 held out (P 0.66, R 0.69; interval 0.61-0.74) and 0.63 on the
fresh set; paired with it on the same answers the change gains +0.03 (95% interval +0.00 to
+0.07; \`npm run bench:coverage-variants\`, next section, which also takes it apart: the
baseline alone +0.01, the clauses alone +0.02). The
method before that (hand-set activity bonus, rivalry between steps, dismissal factor and scale;
commit ced7a95) scored 0.62 held out and 0.51 on the fresh set.

Per question (held out):

| question | threshold | precision | recall | F1 | accuracy |
|---|---|---|---|---|---|
${perQuestion.map(({ q, x, m }) => `| ${q.number}. ${q.title} | ${f(x)} | ${cells(m)} |`).join('\n')}

Held-out errors by kind (\`npm run bench:coverage -- --errors\` lists each): *wrong step*, the answer
got a step it does not cover and missed one it does; *missed*, a covered step missed with nothing
in its place; *extra step*, a step beyond those covered; *covers nothing*, a step given to an
answer that covers none (vague, keyword list, dismissal).

| question | ${ERROR_KINDS.join(' | ')} |
|---|${ERROR_KINDS.map(() => '---|').join('')}
${errorRows
  .map(
    (r) =>
      `| ${r.questionId === null ? '**all**' : numberOf.get(r.questionId)} | ${ERROR_KINDS.map((k) => r.counts[k]).join(' | ')} |`,
  )
  .join('\n')}

Ablations (the feature left out, weights and threshold refitted with each question held out):

| variant | precision | recall | F1 | accuracy | F1 change (95% paired bootstrap interval) |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r.name} | ${cells(r.m)} | ${r.change} (${signed(r.within.low)} to ${signed(r.within.high)}) |`).join('\n')}

Scoring all ${pairs.length} pairs takes ${(elapsed / 1000).toFixed(1)} s. In the server the first answer of a
session costs tens of ms of CPU for its coverage map; later answers only score their new passages
(features are cached per passage). CPU here (load average ${load.toFixed(1)}): a question's profile
${profileCpu.toFixed(0)} ms, built once per question per coverage worker; a map ${mapCpu.toFixed(2)} ms per answer, over
sessions of each question's labelled answers (${mapsRun} maps). The step baselines of 2026-12-03 added about
30 ms to a profile (34 -> 65 ms, measured the same way on 47df143 and with the change on it, load
average 3.5-4.5) and left the cost per answer as it was (0.85 and 0.81 ms). The whole answer path
(\`npx tsx bench/answer-path/process-cpu.ts --rounds 6\`, three runs each of 47df143 and 3accb78
alternately, load average 3.9-4.5): process CPU per answer in the steady state p50 4.4-4.9 ms
before, 4.7-5.0 after (means 5.4-6.1, 5.5-6.2), within the runs' spread.

Caveats: the labels are one person's, and the activity words were written by the same person
after the labels (phrases that echoed a labelled answer were then taken out); the held-out rows
hold out the weights and the threshold, not that judgment. The fresh set measures that, with
${freshPositives} positives: its 95% interval (${range(freshSpread)}) is wide. The held-out interval
(${range(spread.f1[0]!)}) says a change of a few hundredths is within chance on these labels; the
paired intervals of the ablations say the same of the section and exemplar features, and that
only the activity cues (and the three features together) clearly carry their weight.

**The goal of issue 9 (F1 >= 0.80 held out) is not met, and nothing tried gets near it** (the
baseline and clauses took it from 0.67 to ${f(honest.confusion.f1)}). The
errors (table above) are mostly semantic: a step done in words neither its text, its
model-answer section nor its activity words share; two neighbouring steps told apart by intent
rather than words (a fix or its verification, an option or its trade-off), which is what *wrong
step* counts; or a vague line that reuses a step's vocabulary. The main variants tried (word
vectors for recall, exemplars and a widened section; the rubric criterion closest to each step;
pairwise products; other questions' labelled answers as neighbours) are re-measured with paired
intervals by \`npm run bench:coverage-variants\` (next section). Others were measured on
2026-12-02 in scratch scripts that reproduce the shipped method at 0.67 held out and 0.62 fresh,
with the same held-out protocol (weights and threshold fitted with the question held out, L2 0.003
fixed beforehand); figures are held-out F1 / fresh-set F1:

| variant | held out | fresh |
|---|---|---|
| word vectors: the four soft features (recall, exemplar, section, rubric) added together | 0.66 | 0.62 |
| the rubric: criteria weighted by similarity to the step; the step's text and its criterion as one text | 0.67; 0.65 | 0.69; 0.65 |
| relative features: margin to the best other step (recall, section, exemplar); "best among the steps" flags | 0.64; 0.65 | 0.62; 0.61 |
| one weight per activity instead of one for their count (26 weights), with or without the count | 0.64 | 0.60-0.64 |
| one-vs-rest logistic per (passage, step) instead of the softmax: alone; with the best other step's features; with pairwise products | 0.54; 0.62; 0.69 | 0.43; 0.67; 0.61 |
| labelled answers of the other questions as neighbours, other ways: by stems or by vectors, weighted by how alike their step is (same kind, shared activities, or text similarity), top 1 or 3 | 0.65-0.68 | 0.62-0.71 |
| step-kind classifier (logistic on mean word vectors, trained on the model-answer sentences of all questions, with or without the other questions' labelled answers) | 0.67 | 0.62 |
| dismissal: recall x dismissal on the step, length x dismissal on "none" | 0.66-0.68 | 0.62-0.69 |
| looser stems (a shared 5-letter prefix counts as the same word: failure / fail) for recall and section | 0.65-0.67 | 0.63-0.67 |
| decision: a step's chance against "none" only, or gated at a share of the best step's; chance scaled by the number of steps | 0.54-0.67; 0.64 | 0.44-0.53; 0.67 |
| model-answer sections (2026-12-03): a line ending in a colon opens a section whatever its length ("First, let me rank the most likely root causes based on these symptoms:") | 0.67 | 0.63 |
| 2026-12-03, scratch, with the step baselines (there 0.69 / 0.69; the shipped version scores 0.70 / 0.69): the baseline from the other questions' labelled answers (their text only, the held-out question's left out) instead of their model answers; the mean of both | 0.69; 0.69 | 0.72; 0.68 |
| 2026-12-03, scratch, with the step baselines and clauses (there 0.71 / 0.67): a passage's chance for a step counted only when at least 0.5, 0.8 or 1 times its best step's; the share of its words found in the question's own text (prompt, scenario, steps, model answer), or its model answer alone, as a trait of "none" | 0.71, 0.69, 0.66; 0.70, 0.70 | 0.69, 0.74, 0.73; 0.67, 0.68 |
| 2026-12-03, scratch, with the step baselines: clauses split at commas as well; at "so", "but", "because", "which", "while", "whereas", ", and", ", or" as well (semicolons and colons only: 0.70 / 0.69 there) | 0.68; 0.70 | 0.67; 0.67 |

None beats the shipped method held out by more than 0.02, inside its interval (several lie
below it), so none is kept: each would cost work per passage (the vector ones would also
need the vectors in the coverage workers: the main thread's SharedArrayBuffer could be handed to
them with no copy, as the grading worker gets it, but there is nothing to gain). Fitted and judged
on all pairs (no holding out), the four features plus the vector, rubric and neighbour ones reach
only 0.69-0.71 (0.72 for the one-vs-rest logistic with products): the ceiling is in what these
signals can tell more than in the learner. Passage
windows and position could not be measured: 155 of the 156 labelled answers are one sentence.
Reaching 0.80 needs a signal of intent (a sentence encoder or a language model judging each
passage against each step), which the offline path does not have: the sentence encoders on npm seen here load their
weights from a model hub at run time (@tensorflow-models/universal-sentence-encoder is an 87 KB
package that fetches them; so do the transformers.js ones), which an offline server cannot rely
on, and the word vectors above do not carry intent.
The interviewer only uses the decision to choose what to ask next, so an error costs a redundant
or premature follow-up, never a grade.
`
const current = await readFile(REPORT, 'utf8').catch(() => '')
await writeFile(REPORT, replaceSection(current, SECTION, section))
