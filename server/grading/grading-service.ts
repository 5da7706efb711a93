import type { QuestionBank } from '../questions/question-bank.js'
import type { Question } from '../questions/question-schema.js'
import type { GradingStatus } from '../sessions/session-report.js'
import type { SessionWithTurns } from '../sessions/session-schema.js'
import type { SessionStore } from '../sessions/session-store.js'
import type { GradingJob } from '../sessions/grading-job.js'
import type { GradableTranscript, Grade } from './grade-schema.js'

/** A grader of transcripts against a question's rubric: the offline one or the LLM one. */
export type TranscriptGrader = {
  readonly kind: 'offline' | 'llm'
  grade(question: Question, transcript: GradableTranscript, signal?: AbortSignal): Promise<Grade>
}

/** One step of a grading run, as the session's WebSocket relays it (`grade-progress`). */
export type GradeProgress = {
  stage: 'started' | 'grading' | 'done' | 'failed'
  message: string
  grade: Grade | null
}

export type GradeProgressListener = (sessionId: string, progress: GradeProgress) => void

export type GradingServiceDeps = {
  store: SessionStore
  bank: QuestionBank
  offlineGrader: TranscriptGrader
  /** Present when an LLM grader is configured; then it grades, with the offline one as fallback. */
  llmGrader?: TranscriptGrader
  onProgress?: GradeProgressListener
  /**
   * Runs a grading for the identity it is for: the app orders gradings fairly across identities
   * by it and charges the LLM grader's tokens to it (server/limits/on-behalf-of.ts).
   */
  runAs?: <T>(ownerId: string, work: () => Promise<T>) => Promise<T>
  /**
   * Several instances: each grading is a job in the store (queued, running under a lease this
   * instance renews, done or failed), visible from every instance; a sweeper picks up jobs
   * whose instance died, up to maxAttempts runs. Absent: runs and failures live in this process.
   */
  jobs?: GradingJobOptions
}

export type GradingJobOptions = {
  /** This server process (createInstanceId). */
  holder: string
  /** A running job's lease: how soon another instance takes over a dead one. */
  ttlMs: number
  maxAttempts?: number
  /** How often this instance looks for jobs nobody runs (default: ttlMs). */
  sweepMs?: number
  clock: () => Date
}

export type GradeTranscriptResult =
  | { ok: true; grade: Grade }
  | { ok: false; failure: { kind: 'not_found'; subject: 'question'; id: string } }

/** The transcript a grader reads: every turn's id, role and text, in order. */
function toGradableTranscript(session: SessionWithTurns): GradableTranscript {
  return {
    questionId: session.questionId,
    turns: session.turns.map((t) => ({ id: t.id, role: t.role, text: t.text })),
  }
}

/**
 * Grades sessions in the background and stores the result; the interview never waits for it.
 * Progress goes to the injected listener and to subscribers (the session's WebSocket). One run
 * per session at a time on this instance: starting it again while it runs joins that run.
 */
export function createGradingService(deps: GradingServiceDeps) {
  const { store, bank, offlineGrader, llmGrader } = deps
  const running = new Map<string, Promise<void>>()
  const failures = new Map<string, string>()
  const listeners = new Set<GradeProgressListener>()
  const runAs = deps.runAs ?? (<T>(_ownerId: string, work: () => Promise<T>) => work())
  if (deps.onProgress) listeners.add(deps.onProgress)

  const report = (sessionId: string, progress: GradeProgress) => {
    for (const listener of listeners) {
      try {
        listener(sessionId, progress)
      } catch (err) {
        // A broken listener (a socket that just closed) must not stop grading.
        console.error('grade progress listener failed', err)
      }
    }
  }

  /** The LLM grader when configured; on its failure the offline grader still gives a grade. */
  async function gradeWithFallback(
    question: Question,
    transcript: GradableTranscript,
    onFallback?: (reason: string) => void,
  ): Promise<Grade> {
    if (!llmGrader) return offlineGrader.grade(question, transcript)
    try {
      return await llmGrader.grade(question, transcript)
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      onFallback?.(reason)
      return offlineGrader.grade(question, transcript)
    }
  }

  async function run(
    session: SessionWithTurns,
    question: Question,
  ): Promise<{ state: 'done' | 'failed'; message: string | null }> {
    const grader = llmGrader ?? offlineGrader
    report(session.id, {
      stage: 'started',
      message: `Grading with the ${grader.kind} grader.`,
      grade: null,
    })
    try {
      const grade = await runAs(session.ownerId, () =>
        gradeWithFallback(question, toGradableTranscript(session), (reason) =>
          report(session.id, {
            stage: 'grading',
            message: `The LLM grader failed (${reason}); grading offline instead.`,
            grade: null,
          }),
        ),
      )
      await store.saveGrade(session.id, grade)
      failures.delete(session.id)
      report(session.id, { stage: 'done', message: `Overall ${grade.overall} / 10.`, grade })
      return { state: 'done', message: null }
    } catch (err) {
      const message = `Grading failed: ${err instanceof Error ? err.message : String(err)}`
      failures.set(session.id, message)
      report(session.id, { stage: 'failed', message, grade: null })
      return { state: 'failed', message }
    }
  }

  /** Claims the session's job in the store and, when this instance gets it, runs it. */
  async function runJob(sessionId: string, jobs: GradingJobOptions): Promise<void> {
    const now = () => jobs.clock().toISOString()
    const { holder, ttlMs } = jobs
    const maxAttempts = jobs.maxAttempts ?? 3
    const claim = await store.claimGradingJob(sessionId, { holder, ttlMs, maxAttempts, now: now() })
    if (claim.status === 'gave-up') {
      report(sessionId, { stage: 'failed', message: claim.job.message ?? '', grade: null })
    }
    if (claim.status !== 'claimed') return
    const renew = setInterval(
      () => {
        store.renewGradingJob(sessionId, holder, ttlMs, null).catch((err: unknown) => {
          console.error(`grading job ${sessionId}: renewal failed`, err)
        })
      },
      Math.max(10, Math.floor(ttlMs / 3)),
    )
    renew.unref()
    try {
      const session = await store.getSession(sessionId)
      const question = session ? bank.get(session.questionId) : undefined
      const outcome =
        session && question
          ? await run(session, question)
          : {
              state: 'failed' as const,
              message: 'Grading failed: the session or its question is gone.',
            }
      await store.finishGradingJob(sessionId, holder, { ...outcome, now: now() })
    } finally {
      clearInterval(renew)
    }
  }

  /** Where grading stands on this instance alone. */
  function localStatus(sessionId: string): GradingStatus {
    if (running.has(sessionId)) return { state: 'running', message: 'Grading in progress.' }
    const failure = failures.get(sessionId)
    return failure ? { state: 'failed', message: failure } : { state: 'none', message: null }
  }

  function track(sessionId: string, job: Promise<void>) {
    const tracked = job
      .catch((err: unknown) => console.error(`grading ${sessionId} failed`, err))
      .finally(() => running.delete(sessionId))
    running.set(sessionId, tracked)
  }

  // Jobs whose instance died (its lease expired) or that were queued and never started.
  if (deps.jobs) {
    const jobs = deps.jobs
    const sweep = setInterval(() => {
      store
        .listOpenGradingJobs()
        .then((ids) => {
          for (const id of ids) if (!running.has(id)) track(id, runJob(id, jobs))
        })
        .catch((err: unknown) => console.error('grading sweep failed', err))
    }, jobs.sweepMs ?? jobs.ttlMs)
    sweep.unref()
  }

  return {
    /** Which grader runs, for the UI: `llm` or `offline`. */
    graderKind: (): 'offline' | 'llm' => (llmGrader ?? offlineGrader).kind,

    /** Starts grading in the background; the caller has checked the session is the owner's. */
    startGrading(session: SessionWithTurns): 'started' | 'already-running' | 'unknown-question' {
      if (running.has(session.id)) return 'already-running'
      const question = bank.get(session.questionId)
      if (!question) return 'unknown-question'
      const jobs = deps.jobs
      if (jobs) {
        const queued = store.enqueueGradingJob(session.id, jobs.clock().toISOString())
        // Claimed at once: 'already' (queued or running elsewhere) is only run if its holder died.
        track(
          session.id,
          queued.then(() => runJob(session.id, jobs)),
        )
        return 'started'
      }
      // Deferred a tick so the run is registered before its first progress report.
      const job = Promise.resolve()
        .then(async () => void (await run(session, question)))
        .finally(() => running.delete(session.id))
      running.set(session.id, job)
      return 'started'
    },

    statusOf: localStatus,

    /** Where grading stands, from the store's job when jobs are on (any instance's run). */
    async jobStatusOf(sessionId: string): Promise<GradingStatus> {
      if (!deps.jobs) return localStatus(sessionId)
      return toGradingStatus(await store.getGradingJob(sessionId))
    },

    /** Resolves when the session's current run (if any) has finished; for shutdown and tests. */
    async whenSettled(sessionId: string): Promise<void> {
      await running.get(sessionId)
    },

    /** Grades a pasted transcript now, for a question of the bank, for the identity `ownerId`. */
    async gradeTranscript(
      transcript: GradableTranscript,
      ownerId = 'anonymous',
    ): Promise<GradeTranscriptResult> {
      const question = bank.get(transcript.questionId)
      if (!question) {
        return {
          ok: false,
          failure: { kind: 'not_found', subject: 'question', id: transcript.questionId },
        }
      }
      return {
        ok: true,
        grade: await runAs(ownerId, () => gradeWithFallback(question, transcript)),
      }
    },

    subscribe(listener: GradeProgressListener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type GradingService = ReturnType<typeof createGradingService>

/** What the owner reads about a run its server stopped in the middle of. */
export const INTERRUPTED_MESSAGE =
  'Grading was interrupted: the server stopped while grading this interview. It starts again ' +
  'on its own shortly, or grade it again now.'

function toGradingStatus(job: GradingJob | null): GradingStatus {
  if (!job) return { state: 'none', message: null }
  if (job.interrupted) return { state: 'interrupted', message: INTERRUPTED_MESSAGE }
  if (job.state === 'queued' || job.state === 'running') {
    return { state: 'running', message: job.message ?? 'Grading in progress.' }
  }
  // A finished job's grade is in the store, which the report reads itself.
  return job.state === 'failed'
    ? { state: 'failed', message: job.message }
    : { state: 'none', message: null }
}
