import { Worker } from 'node:worker_threads'
import type { Question } from '../questions/question-schema.js'
import { workerEntryUrl } from '../workers/worker-entry.js'
import type { CoverageSource } from './coverage-source.js'
import type { InterviewCoverage, InterviewCoverageRequest } from './interview-coverage.js'
import type { CoverageSnapshot } from './interviewer-engine.js'
import { createOnePerLoopTurn } from './one-per-loop-turn.js'
import { questionVersion } from './question-version.js'

/**
 * `question` comes along only when the workers' copy of that id (the bank they started with) is
 * not that version of it: a question edited since is mapped as it is now.
 */
export type CoverageRequest = { id: number; questionId: string; question?: Question } & (
  | { kind: 'snapshot'; answers: readonly string[]; focus: string | null }
  | {
      kind: 'topic'
      answer: string
      minScore: number | undefined
      skip?: readonly string[]
    }
  | { kind: 'interview'; request: InterviewCoverageRequest }
)
type CoverageResult = CoverageSnapshot | string | null | InterviewCoverage
export type CoverageReply =
  { id: number; ok: true; result: CoverageResult } | { id: number; ok: false; message: string }

export type CoverageWorkerPool = CoverageSource & {
  snapshot(
    question: Question,
    answers: readonly string[],
    focus: string | null,
  ): Promise<CoverageSnapshot>
  topicOf(
    question: Question,
    answer: string,
    minScore?: number,
    skip?: readonly string[],
  ): Promise<string | null>
  interview(question: Question, request: InterviewCoverageRequest): Promise<InterviewCoverage>
  /** Starts every worker now (they start on first use otherwise): call once the server listens. */
  warm(): void
  readonly size: number
  close(): Promise<void>
}

type Pending = {
  request: CoverageRequest
  resolve: (result: CoverageResult) => void
  reject: (error: Error) => void
  /** A request whose worker died is sent once more, to a fresh worker. */
  retried: boolean
}
type Slot = { worker: Worker | null; pending: Map<number, Pending> }

/**
 * How much answer text the pool remembers a worker for, in characters: by size, not count, as an
 * answer may be 16,000 characters and the map keeps its text alive after its session is gone.
 */
const MAX_REMEMBERED_CHARS = 2_000_000
/** How many more waiting requests a worker may have and still get the answers it scored before. */
const AFFINITY_SLACK = 4

/**
 * Coverage maps computed on `size` worker threads (one per core by default in main.ts), so
 * the main thread only stores the answer, posts the request and builds the prompt: a burst of
 * answers queues in the workers, not in front of the sockets of turns already streaming. Each
 * request goes to the worker with the fewest waiting, or to the one that scored its answers before
 * (their passage scores are cached there); a worker that dies is replaced and its requests sent
 * once more.
 */
export function createCoverageWorkerPool(options: {
  questions: readonly Question[]
  size: number
  /** Told which worker (0-based) each request went to: for tests and diagnostics. */
  onDispatch?: (worker: number, request: CoverageRequest) => void
}): CoverageWorkerPool {
  if (!Number.isInteger(options.size) || options.size < 1) {
    throw new RangeError(`a coverage pool needs at least one worker, got ${options.size}`)
  }
  const questions = [...options.questions]
  const slots: Slot[] = Array.from({ length: options.size }, () => ({
    worker: null,
    pending: new Map(),
  }))
  let nextId = 1
  let closed = false
  // Each answer continues (stores the interviewer turn, builds the prompt, calls the model) in
  // its own loop turn: replies that arrive together must not run back to back before the
  // sockets of running streams are polled again.
  const continueLater = createOnePerLoopTurn()

  const start = (slot: Slot): Worker => {
    const worker = new Worker(workerEntryUrl(import.meta.url, 'coverage-worker'), {
      workerData: { questions },
    })
    worker.on('message', (reply: CoverageReply) => {
      const waiting = slot.pending.get(reply.id)
      slot.pending.delete(reply.id)
      if (slot.pending.size === 0) worker.unref()
      if (!waiting) return
      continueLater(() => {
        if (reply.ok) waiting.resolve(reply.result)
        else waiting.reject(new Error(`coverage map failed: ${reply.message}`))
      })
    })
    const onDeath = (error: Error) => {
      if (slot.worker !== worker) return
      slot.worker = null
      const orphans = [...slot.pending.values()]
      slot.pending.clear()
      for (const orphan of orphans) {
        if (closed || orphan.retried) orphan.reject(error)
        else dispatch({ ...orphan, retried: true })
      }
    }
    worker.on('error', onDeath)
    worker.on('exit', (code) => onDeath(new Error(`a coverage worker stopped (exit ${code})`)))
    // Idle workers do not keep the process alive; a worker with requests waiting does.
    worker.unref()
    slot.worker = worker
    return worker
  }

  /**
   * The slot that last scored each answer text: its passage scores are cached in that worker.
   * Every later turn maps and asks about the same answers again; sent elsewhere, each worker
   * scored the same passages (about 1.8 of the 4 ms of worker CPU an answer cost). A turn's
   * context asks for its map and topics in one request (`interview`), so they share one worker's
   * cache too. Only a hint: it gives way to a worker with a much shorter queue. Bounded:
   * forgotten all at once past MAX_REMEMBERED_CHARS.
   */
  const scoredIn = new Map<string, Slot>()
  let rememberedChars = 0
  const remember = (answers: readonly string[], slot: Slot) => {
    for (const answer of answers) {
      if (!scoredIn.has(answer)) {
        if (rememberedChars + answer.length > MAX_REMEMBERED_CHARS) {
          scoredIn.clear()
          rememberedChars = 0
        }
        rememberedChars += answer.length
      }
      scoredIn.set(answer, slot)
    }
  }

  const dispatch = (pending: Pending, preferred?: Slot): Slot => {
    let slot = slots[0]!
    for (const candidate of slots) if (candidate.pending.size < slot.pending.size) slot = candidate
    if (preferred && preferred.pending.size <= slot.pending.size + AFFINITY_SLACK) slot = preferred
    const worker = slot.worker ?? start(slot)
    slot.pending.set(pending.request.id, pending)
    worker.ref()
    worker.postMessage(pending.request)
    options.onDispatch?.(slots.indexOf(slot), pending.request)
    return slot
  }

  /** Sends a request about `answers`, to the worker that scored the first of them if it can. */
  const send = (request: CoverageRequest, answers: readonly string[]) => {
    if (closed) return Promise.reject(new Error('the coverage pool is closed'))
    return new Promise<CoverageResult>((resolve, reject) => {
      const preferred = answers.length > 0 ? scoredIn.get(answers[0]!) : undefined
      remember(answers, dispatch({ request, resolve, reject, retried: false }, preferred))
    })
  }

  // What the workers start with, by id: a question of another version is sent with its request.
  const versions = new Map(questions.map((q) => [q.id, questionVersion(q)]))
  const about = (question: Question) => {
    const known = versions.get(question.id)
    const fresh = known !== undefined && known !== questionVersion(question)
    return { id: nextId++, questionId: question.id, ...(fresh ? { question } : {}) }
  }

  return {
    size: slots.length,
    snapshot(question, answers, focus) {
      return send(
        { ...about(question), kind: 'snapshot', answers, focus },
        answers,
      ) as Promise<CoverageSnapshot>
    },
    topicOf(question, answer, minScore, skip) {
      const request = { ...about(question), kind: 'topic' as const, answer, minScore, skip }
      return send(request, [answer]) as Promise<string | null>
    },
    interview(question, request) {
      return send(
        { ...about(question), kind: 'interview', request },
        request.answers,
      ) as Promise<InterviewCoverage>
    },
    warm() {
      if (closed) return
      for (const slot of slots) if (!slot.worker) start(slot)
    },
    async close() {
      closed = true
      const running = slots.map((slot) => slot.worker)
      for (const slot of slots) slot.worker = null
      await Promise.all(running.map((worker) => worker?.terminate()))
      for (const slot of slots) {
        for (const pending of slot.pending.values()) {
          pending.reject(new Error('the coverage pool is closed'))
        }
        slot.pending.clear()
      }
    },
  }
}
