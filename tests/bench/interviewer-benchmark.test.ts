import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBenchServer, type BenchServer } from '../../bench/interviewer/bench-server.js'
import {
  runCandidates,
  runDrills,
  type DrillQuestionResult,
  type QuestionResult,
} from '../../bench/interviewer/run-bench.js'
import { summariseDrills } from '../../bench/interviewer/summarise-drills.js'
import { summariseQuestion, totalOf } from '../../bench/interviewer/summarise-results.js'
import { createInterviewRuntime } from '../../server/interview/interview-runtime.js'
import { loadQuestionBank } from '../../server/questions/question-bank.js'
import { createTextAnalyzer, createWinkEmbeddingsLoader } from '../../server/text/index.js'
import { defaultPackCacheDir } from '../../server/text/wink-embeddings-loader.js'

// The fast subset of bench:interviewer: three questions of different shapes (a design choice,
// a debugging hunt, an incident under a clock), every candidate kind, the offline engine over the
// real WebSocket; and three drills a question, each on one step.
const SUBSET = [
  'the-architectural-time-bomb',
  'the-graphql-n-1-mystery',
  'the-cache-invalidation-crisis',
]

let server: BenchServer
let results: QuestionResult[]
let drills: DrillQuestionResult[]
beforeAll(async () => {
  const bank = await loadQuestionBank('questions')
  const embeddings = createWinkEmbeddingsLoader({ cacheDir: defaultPackCacheDir() })
  embeddings.load()
  const analyzer = createTextAnalyzer({ embeddings })
  server = await startBenchServer({
    bank,
    analyzer,
    interview: createInterviewRuntime({ questions: bank.questions, analyzer }),
  })
  const questions = bank.questions.filter((q) => SUBSET.includes(q.id))
  results = await runCandidates({ port: server.port, questions })
  drills = await runDrills({ port: server.port, questions })
}, 180_000)
afterAll(() => server?.stop())

describe('simulated candidates against the offline interviewer (subset)', () => {
  it('runs every candidate kind to an end on every question of the subset', () => {
    expect(results.map((r) => r.question.id).sort()).toEqual([...SUBSET].sort())
    for (const { runs } of results) {
      expect(runs).toHaveLength(7)
      for (const run of runs) expect(['candidate', 'interviewer']).toContain(run.endedBy)
    }
  })

  it('never repeats a question, reuses a quote, leaks, asks two questions in a turn or misanswers a clarification', () => {
    const total = totalOf(results.map(summariseQuestion))
    const problems = results.flatMap((r) => r.runs.flatMap((run) => run.figures.problems))
    const shown = problems.filter((p) => !p.startsWith('asked about'))
    expect(shown).toEqual([])
    expect(total).toMatchObject({
      repeats: 0,
      quotesReused: 0,
      leaks: 0,
      markupShown: 0,
      multiQuestion: 0,
    })
    expect(total.clarifications).toBeGreaterThan(5)
    expect(total.clarificationsRight).toBe(total.clarifications)
  })

  it('aims at most 5% of follow-ups at a step the labelled answers had covered, on each question', () => {
    const rows = results.map(summariseQuestion)
    const total = totalOf(rows)
    expect(total.followUps).toBeGreaterThan(100)
    expect(total.redundant / total.followUps).toBeLessThanOrEqual(0.05)
    // Judged per question: a low overall share can hide one question at 10%.
    for (const row of rows) expect(row.redundant / row.followUps).toBeLessThanOrEqual(0.05)
  })

  it('keeps each drill on its step, one fresh question a rep, nothing of the model answer in hints', () => {
    const { total } = summariseDrills(drills)
    const problems = drills.flatMap((d) => d.runs.flatMap((run) => run.figures.problems))
    expect(problems).toEqual([])
    expect(total.reps).toBeGreaterThan(50)
    expect(total).toMatchObject({
      repeats: 0,
      noQuestion: 0,
      multiQuestion: 0,
      hintLeaks: 0,
      markupShown: 0,
      offFocus: 0,
      verdictHintClashes: 0,
    })
  })
})
