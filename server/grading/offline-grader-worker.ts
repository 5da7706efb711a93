/**
 * Worker thread entry of the offline grader. Grading a transcript takes about a second of CPU
 * with the word vectors (three on the first call, which loads them), so it runs here, off the
 * thread that streams interviews. One request at a time; `now` comes with each request so the
 * main thread's injected clock still dates the grade.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { lowerThreadPriority } from '../workers/background-priority.js'
import { createWinkEmbeddingsLoader } from '../text/wink-embeddings-loader.js'
import { createGradingAnalyzer } from './answer-coverage.js'
import { createOfflineGrader } from './offline-grader.js'
import { warmOfflineGrader } from './warm-offline-grader.js'
import type {
  OfflineGradeReply,
  OfflineGradeRequest,
  OfflineGraderWarmedUp,
  OfflineGraderWarmUp,
} from './worker-offline-grader.js'

// Below the relay thread: a grade's second of CPU must not delay the tokens of running streams.
lowerThreadPriority()
const { useEmbeddings, vectors } = workerData as {
  useEmbeddings: boolean
  vectors: SharedArrayBuffer | undefined
}
let requestTime = new Date(0)
const grader = createOfflineGrader({
  // The main thread's vectors when it shares them (one copy per process), else loaded here.
  analyzer: createGradingAnalyzer(
    useEmbeddings ? createWinkEmbeddingsLoader(vectors ? { shared: vectors } : {}) : undefined,
  ),
  now: () => requestTime,
  modelName: useEmbeddings ? undefined : 'lexical',
})

parentPort?.on('message', (request: OfflineGradeRequest | OfflineGraderWarmUp) => {
  if ('warmUp' in request) {
    const started = performance.now()
    // Best effort: a question that fails here fails again, with its message, when graded.
    try {
      warmOfflineGrader(grader, request.warmUp)
    } catch {}
    const ms = Math.round(performance.now() - started)
    const done: OfflineGraderWarmedUp = { warmedUp: { questions: request.warmUp.length, ms } }
    parentPort?.postMessage(done)
    return
  }
  let reply: OfflineGradeReply
  try {
    requestTime = new Date(request.now)
    reply = { id: request.id, ok: true, grade: grader.grade(request.question, request.transcript) }
  } catch (err) {
    reply = { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) }
  }
  parentPort?.postMessage(reply)
})
