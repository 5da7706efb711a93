import { afterEach, expect, it } from 'vitest'
import { createGradingAnalyzer } from '../../../server/grading/answer-coverage.js'
import { createOfflineGrader } from '../../../server/grading/offline-grader.js'
import {
  createWorkerOfflineGrader,
  type WorkerOfflineGrader,
} from '../../../server/grading/worker-offline-grader.js'
import { makeSampleQuestion } from '../../support/sample-question.js'

const question = makeSampleQuestion()
const transcript = {
  questionId: question.id,
  turns: [
    { id: 'q1', role: 'interviewer' as const, text: 'Why was the customer charged twice?' },
    {
      id: 'a1',
      role: 'candidate' as const,
      text:
        'The client retries the charge after a timeout even though the first charge went ' +
        'through, so the card is charged twice. I would send an idempotency key derived from ' +
        'the order id with every charge, and reconcile pending orders against the provider.',
    },
  ],
}
const clock = () => new Date('2026-03-01T12:00:00.000Z')

let grader: WorkerOfflineGrader | undefined
afterEach(async () => {
  await grader?.close()
  grader = undefined
})

it('grades on a worker thread exactly as the offline grader does in process', async () => {
  grader = createWorkerOfflineGrader({ clock, useEmbeddings: false })
  const inProcess = createOfflineGrader({ analyzer: createGradingAnalyzer(undefined), now: clock })
  const fromWorker = await grader.grade(question, transcript)
  expect(fromWorker).toEqual({
    ...inProcess.grade(question, transcript),
    grader: { ...inProcess.grade(question, transcript).grader, model: 'lexical' },
  })
  expect(fromWorker.gradedAt).toBe('2026-03-01T12:00:00.000Z')
  expect(fromWorker.overall).toBeGreaterThan(0)
})

it('leaves the calling thread free while it grades', async () => {
  grader = createWorkerOfflineGrader({ clock, useEmbeddings: false })
  let settled = false
  const grading = grader.grade(question, transcript).finally(() => (settled = true))
  // A grade computed on this thread would have finished before the next turn of the loop.
  await new Promise((resolve) => setImmediate(resolve))
  expect(settled).toBe(false)
  await grading
})

it('fails waiting grades when the worker stops, and starts a new one for the next grade', async () => {
  grader = createWorkerOfflineGrader({ clock, useEmbeddings: false })
  const waiting = grader.grade(question, transcript)
  await grader.close()
  await expect(waiting).rejects.toThrow(/stopped/)
  const again = await grader.grade(question, transcript)
  expect(again.questionId).toBe(question.id)
})

it('grades with the word vectors the main thread shares, exactly as in process', async () => {
  const { packWordVectors } = await import('../../../server/text/packed-word-vectors.js')
  const { createWinkEmbeddingsLoader } =
    await import('../../../server/text/wink-embeddings-loader.js')
  // Small vectors in which "duplicate" and "twice" are near each other, "card" apart.
  const words = ['charged', 'twice', 'duplicate', 'card', 'key', 'retry']
  const dims = 4
  const store = new Float32Array(words.length * dims)
  words.forEach((_, i) => {
    store[i * dims + (i % dims)] = 1
    store[i * dims + ((i + 1) % dims)] = i === 2 ? 0.9 : 0.1
  })
  const shared = packWordVectors(store, words, dims, 0)
  grader = createWorkerOfflineGrader({ clock, vectors: shared })
  const inProcess = createOfflineGrader({
    analyzer: createGradingAnalyzer(createWinkEmbeddingsLoader({ shared })),
    now: clock,
  })
  const expected = inProcess.grade(question, transcript)
  expect(await grader.grade(question, transcript)).toEqual(expected)

  // Still being read (main.ts reads them in the background): a grade asked for meanwhile waits
  // for them, and is the same grade.
  await grader.close()
  let arrive = (_: SharedArrayBuffer) => {}
  const reading = new Promise<SharedArrayBuffer>((resolve) => (arrive = resolve))
  grader = createWorkerOfflineGrader({ clock, vectors: reading, warmUp: [question] })
  let settled = false
  const waiting = grader.grade(question, transcript).finally(() => (settled = true))
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(settled).toBe(false)
  arrive(shared)
  expect(await waiting).toEqual(expected)
})

it('warms up on the questions it is given, and a question that fails to warm up still grades', async () => {
  const broken = { ...question, id: 'broken', rubric: [] } as typeof question
  let warmed = (_: { questions: number; ms: number }) => {}
  const warmedUp = new Promise<{ questions: number; ms: number }>((resolve) => (warmed = resolve))
  grader = createWorkerOfflineGrader({
    clock,
    useEmbeddings: false,
    warmUp: [broken, question],
    onWarmedUp: warmed,
  })
  // Reported once done, failed questions included (main.ts logs it; bench:memory waits for it).
  expect((await warmedUp).questions).toBe(2)
  const inProcess = createOfflineGrader({ analyzer: createGradingAnalyzer(undefined), now: clock })
  const fromWorker = await grader.grade(question, transcript)
  expect(fromWorker.overall).toBe(inProcess.grade(question, transcript).overall)
})
