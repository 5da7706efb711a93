/**
 * Worker thread entry of the coverage pool (coverage-worker-pool.ts). A coverage map costs
 * 10-30 ms of CPU per answer, and building a question's profile on its first answer 0.1-0.7 s,
 * so they run here, off the thread that stores answers and relays the model's tokens. Each worker
 * keeps its own profiles and passage-score cache; one request at a time.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Question } from '../questions/question-schema.js'
import { lowerThreadPriority } from '../workers/background-priority.js'
import type { CoverageReply, CoverageRequest } from './coverage-worker-pool.js'
import { computeInterviewCoverage } from './interview-coverage.js'
import { createStemCoverageTracker } from './stem-coverage-tracker.js'

// Below the relay thread: a burst of maps must not delay the tokens of running streams.
lowerThreadPriority()
const { questions } = workerData as { questions: Question[] }
const byId = new Map(questions.map((q) => [q.id, q]))
const tracker = createStemCoverageTracker(questions)

parentPort?.on('message', (request: CoverageRequest) => {
  const reply = (result: CoverageReply) => parentPort?.postMessage(result)
  const failed = (err: unknown): CoverageReply => ({
    id: request.id,
    ok: false,
    message: err instanceof Error ? err.message : String(err),
  })
  try {
    // An edited question comes with its request; the tracker keys its caches by content.
    const question = request.question ?? byId.get(request.questionId)
    if (!question) throw new Error(`question ${request.questionId} is not in the worker's bank`)
    if (request.kind === 'interview') {
      // The tracker answers at once: this settles before the next message is read.
      computeInterviewCoverage(tracker, question, request.request).then(
        (result) => reply({ id: request.id, ok: true, result }),
        (err: unknown) => reply(failed(err)),
      )
      return
    }
    const result =
      request.kind === 'snapshot'
        ? tracker.snapshot(question, request.answers, request.focus)
        : tracker.topicOf(question, request.answer, request.minScore, request.skip)
    reply({ id: request.id, ok: true, result })
  } catch (err) {
    reply(failed(err))
  }
})
