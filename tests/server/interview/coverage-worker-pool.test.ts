import { afterEach, describe, expect, it } from 'vitest'
import {
  createCoverageWorkerPool,
  type CoverageWorkerPool,
} from '../../../server/interview/coverage-worker-pool.js'
import { computeInterviewCoverage } from '../../../server/interview/interview-coverage.js'
import { createStemCoverageTracker } from '../../../server/interview/stem-coverage-tracker.js'
import { editedQuestion } from './fixtures/edited-question.js'
import { FIXTURE_QUESTION_IDS, loadFixtureQuestion } from './fixtures/load-question.js'

const questions = FIXTURE_QUESTION_IDS.map((id) => loadFixtureQuestion(id))
const ANSWERS = [
  'I would start from the numbers: ten thousand notifications a second at peak and a team of five.',
  'Then I would load test the monolith at three times peak and watch p95 latency and the pool.',
  'We only move on if errors stay under one percent for a week; otherwise we roll back the flag.',
  'The hidden cost is people: on-call, onboarding and debugging across services.',
]

let pool: CoverageWorkerPool | null = null
afterEach(async () => {
  await pool?.close()
  pool = null
})

describe('createCoverageWorkerPool', () => {
  it('computes the same maps as the tracker on this thread, for every question and focus', async () => {
    pool = createCoverageWorkerPool({ questions, size: 2 })
    const local = createStemCoverageTracker(questions)
    const cases = questions.flatMap((question) => [
      { question, answers: ANSWERS.slice(0, 1), focus: null },
      { question, answers: ANSWERS, focus: null },
      { question, answers: ANSWERS.slice(1, 3), focus: 'step:2' },
    ])
    // All at once: they spread over both workers and come back to the right callers.
    const remote = await Promise.all(
      cases.map((c) => pool!.snapshot(c.question, c.answers, c.focus)),
    )
    cases.forEach((c, i) => {
      expect(remote[i]).toEqual(local.snapshot(c.question, c.answers, c.focus))
    })
    expect(remote[1]!.map.steps.some((s) => s.level !== 'none')).toBe(true)
  }, 60_000)

  it("sends an answer's topic and the session's later maps to the worker that scored it", async () => {
    const sentTo: Array<[number, string]> = []
    pool = createCoverageWorkerPool({
      questions,
      size: 2,
      onDispatch: (worker, request) => sentTo.push([worker, request.kind]),
    })
    const question = questions[0]!
    // Two sessions answer at once, each as buildInterviewContext asks: the map, then the topic.
    const first = [ANSWERS[0]!]
    const second = [ANSWERS[2]!]
    await Promise.all([
      pool.snapshot(question, first, null),
      pool.topicOf(question, first[0]!),
      pool.snapshot(question, second, null),
      pool.topicOf(question, second[0]!),
    ])
    const [a, b] = [sentTo[0]![0], sentTo[2]![0]]
    // Spread over both workers, each topic with its own map.
    expect(new Set([a, b])).toEqual(new Set([0, 1]))
    expect(sentTo.map(([worker]) => worker)).toEqual([a, a, b, b])
    // The next turn of the first session: its map and both topics go where its answers were scored.
    sentTo.length = 0
    const both = [...first, ANSWERS[1]!]
    const [map, ...topics] = await Promise.all([
      pool.snapshot(question, both, null),
      ...both.map((answer) => pool!.topicOf(question, answer)),
    ])
    expect(sentTo.map(([worker]) => worker)).toEqual([a, a, a])
    // Where it ran does not change what it is.
    const local = createStemCoverageTracker(questions)
    expect(map).toEqual(local.snapshot(question, both, null))
    expect(topics).toEqual(both.map((answer) => local.topicOf(question, answer)))
  }, 60_000)

  it("computes a turn's whole coverage in one request, as the calls one by one do here", async () => {
    const sentTo: string[] = []
    pool = createCoverageWorkerPool({
      questions,
      size: 2,
      onDispatch: (_worker, request) => sentTo.push(request.kind),
    })
    const local = createStemCoverageTracker(questions)
    const question = questions[0]!
    const replies = [
      { text: ANSWERS[0]!, open: true, opening: true, target: null },
      { text: `${ANSWERS[1]} ${ANSWERS[2]}`, open: false, target: 'step:2' },
    ]
    const request = {
      answers: replies.map((r) => r.text),
      focus: 'step:2',
      latestAnswer: replies[1]!.text,
      replies,
    }
    const remote = await pool.interview(question, request)
    expect(sentTo).toEqual(['interview'])
    expect(remote).toEqual(await computeInterviewCoverage(local, question, request))
    expect(remote.answerTopics.length).toBeGreaterThan(0)
  }, 60_000)

  // A sentence topic with steps left out (build-interview-context.ts) is the worker's to skip too.
  it('passes the steps to skip to the worker', async () => {
    pool = createCoverageWorkerPool({ questions, size: 1 })
    const local = createStemCoverageTracker(questions)
    const question = questions[0]!
    const best = local.topicOf(question, ANSWERS[0]!, 0)!
    const other = await pool.topicOf(question, ANSWERS[0]!, 0, [best])
    expect(other).toBe(local.topicOf(question, ANSWERS[0]!, 0, [best]))
    expect(other).not.toBe(best)
  }, 60_000)

  it('rejects a question it does not know, and keeps serving', async () => {
    pool = createCoverageWorkerPool({ questions: questions.slice(0, 1), size: 1 })
    await expect(pool.snapshot(questions[1]!, ANSWERS, null)).rejects.toThrow(/not in the worker/)
    const snapshot = await pool.snapshot(questions[0]!, ANSWERS, null)
    expect(snapshot.map.steps).toHaveLength(questions[0]!.framework.steps.length)
  }, 60_000)

  it('rejects waiting and new requests once closed', async () => {
    pool = createCoverageWorkerPool({ questions, size: 1 })
    const waiting = pool.snapshot(questions[0]!, ANSWERS, null)
    await pool.close()
    await expect(waiting).rejects.toThrow(/closed/)
    await expect(pool.snapshot(questions[0]!, ANSWERS, null)).rejects.toThrow(/closed/)
  })

  it('refuses a pool without workers', () => {
    expect(() => createCoverageWorkerPool({ questions, size: 0 })).toThrow(RangeError)
  })
})

describe('createCoverageWorkerPool, a question edited after the workers started', () => {
  it('maps it as it is now, not as the workers started with it', async () => {
    // Before, the workers looked its id up in the bank they started with: the old text.
    const edited = editedQuestion(questions[0]!)
    pool = createCoverageWorkerPool({ questions, size: 1 })
    const local = createStemCoverageTracker(questions)
    const expected = local.snapshot(edited, ANSWERS, null)
    expect(expected).not.toEqual(local.snapshot(questions[0]!, ANSWERS, null))
    expect(await pool.snapshot(edited, ANSWERS, null)).toEqual(expected)
    expect(await pool.topicOf(edited, ANSWERS[1]!)).toBe(local.topicOf(edited, ANSWERS[1]!))
  }, 60_000)
})
