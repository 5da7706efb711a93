import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { Question } from '../questions/question-schema.js'
import { GradeSchema, type GradableTranscript, type Grade } from './grade-schema.js'
import type { TranscriptGrader } from './grading-service.js'
import { workerEntryUrl } from '../workers/worker-entry.js'

export type OfflineGradeRequest = {
  id: number
  question: Question
  transcript: GradableTranscript
  /** ISO time that dates the grade. */
  now: string
}
/** Asks the worker to do each question's grading work ahead of the first grade. */
export type OfflineGraderWarmUp = { warmUp: readonly Question[] }
/** The worker's word that the warm-up is done: how many questions warmed, in how long. */
export type OfflineGraderWarmedUp = { warmedUp: { questions: number; ms: number } }
export type OfflineGradeReply =
  { id: number; ok: true; grade: Grade } | { id: number; ok: false; message: string }

export type WorkerOfflineGraderOptions = {
  clock: () => Date
  /** Word vectors (the measured configuration); false grades lexically, for fast tests. */
  useEmbeddings?: boolean
  /**
   * The word vectors the main thread loaded (one SharedArrayBuffer): the worker reads them in
   * place instead of loading a second copy. Without it the worker loads its own on first grade.
   * A promise (the main thread still reading them, main.ts): the worker starts once they are in,
   * and grades asked for meanwhile wait for it.
   */
  vectors?: SharedArrayBuffer | Promise<SharedArrayBuffer>
  /**
   * Questions whose grading work the worker does at once, in the background (about 1.5 s of its
   * CPU for the bank), so no candidate's first grade of a question pays for it. Without it the
   * worker starts on the first grade.
   */
  warmUp?: readonly Question[]
  /**
   * Called once the worker has warmed up on `warmUp` (main.ts logs it: from then on the process
   * is idle at its steady memory, which `npm run bench:memory` waits for).
   */
  onWarmedUp?: (report: OfflineGraderWarmedUp['warmedUp']) => void
}

export type WorkerOfflineGrader = TranscriptGrader & { close(): Promise<void> }

/**
 * The grading worker's young generation held to 12 MB (semi-spaces of 4 MB, new space 8 MB).
 * Left to V8 it grows to 48 MB (32 MB resident) under the start's warm-up and keeps it through
 * every idle hour after: a tenth of the server's idle memory for nothing. Grading all 150
 * bench/transcripts cases three times costs the same CPU either way (4.7 / 4.7 s by default,
 * 4.3 / 3.9 s at this size; the difference is noise on a shared machine): a grade's garbage dies
 * young, so more, smaller scavenges copy no more. `npm start` caps every isolate the same way
 * (node --max-semi-space-size=4, which V8 applies over this); this holds wherever the grader
 * runs without that flag (npm run dev, tests).
 */
const GRADING_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12 }

/**
 * The offline grader on a worker thread, so a grade's second of CPU never stalls the sockets
 * of running interviews. The worker starts on the first grade and keeps the word vectors
 * loaded; if it dies, waiting grades fail and the next grade starts a fresh one.
 */
export function createWorkerOfflineGrader(
  options: WorkerOfflineGraderOptions,
): WorkerOfflineGrader {
  const pending = new Map<number, { resolve: (g: Grade) => void; reject: (e: Error) => void }>()
  let worker: Worker | null = null
  let nextId = 1

  const failAll = (from: Worker, error: Error) => {
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
    if (worker === from) worker = null
  }

  let vectors: SharedArrayBuffer | undefined
  // Settled once the vectors are in (or failed to load: the worker then loads its own).
  const vectorsIn = Promise.resolve(options.vectors).then(
    (shared) => void (vectors = shared),
    () => undefined,
  )
  const start = (): Worker => {
    const started = new Worker(workerEntryUrl(import.meta.url, 'offline-grader-worker'), {
      workerData: { useEmbeddings: options.useEmbeddings ?? true, vectors },
      resourceLimits: GRADING_WORKER_LIMITS,
    })
    started.on('message', (reply: OfflineGradeReply | OfflineGraderWarmedUp) => {
      if ('warmedUp' in reply) return options.onWarmedUp?.(reply.warmedUp)
      const waiting = pending.get(reply.id)
      pending.delete(reply.id)
      if (!waiting) return
      if (!reply.ok) return waiting.reject(new Error(reply.message))
      const parsed = GradeSchema.safeParse(reply.grade)
      if (parsed.success) waiting.resolve(parsed.data)
      else
        waiting.reject(
          new Error(`The offline grader returned an invalid grade: ${parsed.error.message}`),
        )
    })
    started.on('error', (err) => failAll(started, err))
    started.on('exit', (code) =>
      failAll(started, new Error(`The offline grader stopped (exit ${code}).`)),
    )
    // The HTTP server keeps the process alive; an idle grader must not.
    started.unref()
    return started
  }

  // Bumped by close(): work that waited for the vectors across a close() does not start a worker.
  let generation = 0
  const { warmUp } = options
  if (warmUp) {
    void vectorsIn.then(() => {
      if (generation > 0 || worker) return
      worker = start()
      worker.postMessage({ warmUp } satisfies OfflineGraderWarmUp)
    })
  }

  return {
    kind: 'offline',
    async grade(question, transcript) {
      const asked = generation
      await vectorsIn
      if (generation !== asked) throw new Error('The offline grader stopped (closed).')
      worker ??= start()
      const request: OfflineGradeRequest = {
        id: nextId++,
        question,
        transcript,
        now: options.clock().toISOString(),
      }
      const target = worker
      return new Promise<Grade>((resolve, reject) => {
        pending.set(request.id, { resolve, reject })
        target.postMessage(request)
      })
    },
    async close() {
      generation++
      const running = worker
      worker = null
      if (running) await running.terminate()
    },
  }
}
