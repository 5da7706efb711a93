/**
 * `npm run bench:feedback [-- --todo]`: grades the feedback set (bench/feedback-bench/cases.ts)
 * offline, as `npm run grade` does, and scores every statement the grade makes to the candidate
 * against labels set by reading the transcripts (bench/feedback-labels.json): next steps that ask
 * for what the candidate did, "Covered" points they did not make, "Not reached" points they did,
 * framework step labels, and quotes given as evidence for a criterion they are not about. Labels
 * are stored per statement (a point's text, a step, a sentence), so a grade changed by new code is
 * scored by the same labels; statements not labelled yet are counted and, with --todo, listed.
 * Figures are split by tuning and held-out questions (cases.ts).
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createGradingAnalyzer } from '../server/grading/answer-coverage.js'
import { createOfflineGrader } from '../server/grading/offline-grader.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import { createWinkEmbeddingsLoader } from '../server/text/wink-embeddings-loader.js'
import { loadFeedbackCases } from './feedback-bench/cases.js'
import { feedbackLines, sentenceKey, type FeedbackLine } from './feedback-bench/feedback-lines.js'
import { judge, type CaseLabels } from './feedback-bench/score-feedback.js'
import { parseLabelFile } from './feedback-bench/label-file.js'
import { listCandidateSentences } from '../server/grading/candidate-sentences.js'
import { pointWording } from '../server/grading/missing-points.js'
import type { Grade } from '../server/grading/grade-schema.js'
import type { FeedbackCase } from './feedback-bench/cases.js'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const todo = process.argv.includes('--todo')
const bank = await loadQuestionBank(resolve(repo, 'questions'))
const cases = await loadFeedbackCases(repo)
const caseById = new Map(cases.map((c) => [c.id, c]))
const labels = parseLabelFile(
  readFileSync(resolve(repo, 'bench/feedback-labels.txt'), 'utf8'),
  (id) => bank.get(caseById.get(id)?.transcript.questionId ?? '')?.rubric.map((r) => r.name) ?? [],
  (id) => {
    const c = caseById.get(id)
    return c ? listCandidateSentences(c.transcript).map((s) => s.text) : []
  },
  (id) =>
    bank.get(caseById.get(id)?.transcript.questionId ?? '')?.competencies.map((c) => c.name) ?? [],
)
// Points are labelled as the question writes them ("Identify JavaScript parse/compile time") and
// shown as a candidate reads them ("identifying JavaScript parse/compile time",
// missing-points.ts pointWording): a label holds for both.
for (const [id, own] of Object.entries(labels)) {
  const question = bank.get(caseById.get(id)?.transcript.questionId ?? '')
  if (!question || !own.points) continue
  const wording = pointWording(question)
  for (const [point, label] of Object.entries(own.points)) own.points[wording(point)] ??= label
}
const dump = process.argv.find((a) => a.startsWith('--dump='))?.slice('--dump='.length)
const grader = createOfflineGrader({
  analyzer: createGradingAnalyzer(createWinkEmbeddingsLoader()),
  now: () => new Date(0),
})

type Tally = { n: number; bad: number; weak: number; unlabelled: number }
const groups = ['next', 'covered', 'missing', 'step', 'quote', 'competency-quote'] as const
const tallies = new Map<string, Tally>()
const tally = (split: string, kind: string) => {
  const key = `${split}|${kind}`
  let t = tallies.get(key)
  if (!t) tallies.set(key, (t = { n: 0, bad: 0, weak: 0, unlabelled: 0 }))
  return t
}
const todoList: string[] = []
const fullByLevel = new Map<string, { full: number; steps: number }>()
const strengthQuotes = { n: 0, off: 0, competencies: 0 }

for (const c of cases) {
  const question = bank.get(c.transcript.questionId)
  if (!question) throw new Error(`unknown question ${c.transcript.questionId}`)
  const grade = grader.grade(question, c.transcript)
  const own = labels[c.id] ?? {}
  if (dump !== undefined && c.id.startsWith(dump)) printForLabelling(c, grade, own)
  for (const line of feedbackLines(grade)) {
    // Competency quotes are judged only where competencies were labelled (four cases).
    if (line.kind === 'competency-quote' && !own.competencySentences) continue
    const v = judge(line, own)
    for (const split of [c.split, 'all']) {
      const t = tally(split, line.kind)
      if ('unlabelled' in v) t.unlabelled++
      else {
        t.n++
        if (!v.ok) t.bad++
        if (v.weak) t.weak++
      }
    }
    if ('unlabelled' in v) todoList.push(`${c.id}  ${v.unlabelled}  <- ${describe(line)}`)
    else if (!v.ok && process.argv.includes('--bad')) console.log(`BAD ${c.id}: ${describe(line)}`)
  }
  // Strengths with no covered point quote the candidate: is the quote about its criterion?
  // (Sentences are labelled against the rubric's criteria only, so competencies are not judged.)
  for (const s of grade.strengths) {
    const m = /^(.*?): you spoke to it, as in "(.*)"$/.exec(s)
    if (!m) continue
    if (!question.rubric.some((r) => r.name === m[1])) {
      strengthQuotes.competencies++
      continue
    }
    const about = own.sentences?.[sentenceKey(m[2]!)]?.[0]
    strengthQuotes.n++
    if (!about?.includes(m[1]!)) strengthQuotes.off++
  }
  const lv = fullByLevel.get(c.level) ?? { full: 0, steps: 0 }
  lv.full += grade.framework.filter((f) => f.coverage === 'full').length
  lv.steps += grade.framework.length
  fullByLevel.set(c.level, lv)
}

const pct = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(0)}%` : '-')
const names: Record<(typeof groups)[number], string> = {
  next: 'next steps asking for what the candidate did',
  covered: '"Covered" points the candidate did not make',
  missing: '"Not reached" points the candidate made',
  step: 'framework step labels wrong',
  quote: 'evidence quotes not about their criterion',
  'competency-quote': 'competency quotes not about their competency (4 strong cases)',
}
console.log('| statement | tuning questions | held-out questions | all | unlabelled |')
console.log('|---|---|---|---|---|')
for (const g of groups) {
  const cell = (split: string) => {
    const t = tally(split, g)
    return `${pct(t.bad, t.n)} (${t.bad}/${t.n})`
  }
  console.log(
    `| ${names[g]} | ${cell('tune')} | ${cell('held-out')} | ${cell('all')} | ${tally('all', g).unlabelled} |`,
  )
}
const weak = tally('all', 'covered')
console.log(
  `\n"Covered" points made only in part: ${pct(weak.weak, weak.n)} (${weak.weak}/${weak.n})`,
)
console.log(
  `Strengths that quote the candidate (no covered point): of rubric criteria ${strengthQuotes.n}, quote not about the criterion ${pct(strengthQuotes.off, strengthQuotes.n)} (${strengthQuotes.off}/${strengthQuotes.n}); of competencies (not labelled) ${strengthQuotes.competencies}`,
)
console.log(
  `Steps labelled full by level: ${[...fullByLevel]
    .map(([l, v]) => `${l} ${pct(v.full, v.steps)}`)
    .join(', ')}`,
)
console.log(`Unlabelled statements: ${todoList.length}${todo ? '' : ' (list them with --todo)'}`)
if (todo) for (const t of todoList) console.log(t)

function describe(line: FeedbackLine): string {
  switch (line.kind) {
    case 'next':
      return `next: ${line.text}`
    case 'covered':
    case 'missing':
      return `${line.kind}: ${line.point}`
    case 'step':
      return `step ${line.step}: ${line.coverage}`
    case 'quote':
    case 'competency-quote':
      return `quote for ${line.criterion}: ${line.sentence}`
  }
}

/** What a labeller needs for one case: the candidate's sentences, the rubric, the steps, and what is unlabelled. */
function printForLabelling(c: FeedbackCase, grade: Grade, own: CaseLabels): void {
  const q = bank.get(c.transcript.questionId)!
  console.log(`\n# case ${c.id}`)
  q.rubric.forEach((r, i) => console.log(`## criterion ${i + 1} ${r.name}: ${r.description}`))
  q.framework.steps.forEach((s) =>
    console.log(
      `## step ${s.number} ${s.name}: ${s.description}${own.steps?.[s.number] ? ' [labelled]' : ''}`,
    ),
  )
  listCandidateSentences(c.transcript).forEach((s, i) =>
    console.log(`## s${i} [${s.turnId}] ${s.text}`),
  )
  const seen = new Set<string>()
  for (const line of feedbackLines(grade)) {
    const v = judge(line, own)
    if ('unlabelled' in v && !seen.has(v.unlabelled)) {
      seen.add(v.unlabelled)
      if (!v.unlabelled.startsWith('sentence') && !v.unlabelled.startsWith('step'))
        console.log(`TODO ${v.unlabelled}`)
    }
  }
}
