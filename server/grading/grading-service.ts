import type { QuestionBank } from '../questions/question-bank.js'
import type { Question } from '../questions/question-schema.js'
import type { GradingStatus } from '../sessions/session-report.js'
import type { SessionWithTurns } from '../sessions/session-schema.js'
import type { SessionStore } from '../sessions/session-store.js'
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

  async function run(session: SessionWithTurns, question: Question): Promise<void> {
    const grader = llmGrader ?? offlineGrader
    report(session.id, {
      stage: 'started',
      message: `Grading with the ${grader.kind} grader.`,
      grade: null,
    })
    try {
      const grade = await gradeWithFallback(question, toGradableTranscript(session), (reason) =>
        report(session.id, {
          stage: 'grading',
          message: `The LLM grader failed (${reason}); grading offline instead.`,
          grade: null,
        }),
      )
      await store.saveGrade(session.id, grade)
      failures.delete(session.id)
      report(session.id, { stage: 'done', message: `Overall ${grade.overall} / 10.`, grade })
    } catch (err) {
      const message = `Grading failed: ${err instanceof Error ? err.message : String(err)}`
      failures.set(session.id, message)
      report(session.id, { stage: 'failed', message, grade: null })
    }
  }

  return {
    /** Which grader runs, for the UI: `llm` or `offline`. */
    graderKind: (): 'offline' | 'llm' => (llmGrader ?? offlineGrader).kind,

    /** Starts grading in the background; the caller has checked the session is the owner's. */
    startGrading(session: SessionWithTurns): 'started' | 'already-running' | 'unknown-question' {
      if (running.has(session.id)) return 'already-running'
      const question = bank.get(session.questionId)
      if (!question) return 'unknown-question'
      // Deferred a tick so the run is registered before its first progress report.
      const job = Promise.resolve()
        .then(() => run(session, question))
        .finally(() => running.delete(session.id))
      running.set(session.id, job)
      return 'started'
    },

    statusOf(sessionId: string): GradingStatus {
      if (running.has(sessionId)) return { state: 'running', message: 'Grading in progress.' }
      const failure = failures.get(sessionId)
      return failure ? { state: 'failed', message: failure } : { state: 'none', message: null }
    },

    /** Resolves when the session's current run (if any) has finished; for shutdown and tests. */
    async whenSettled(sessionId: string): Promise<void> {
      await running.get(sessionId)
    },

    /** Grades a pasted transcript now, for a question of the bank. */
    async gradeTranscript(transcript: GradableTranscript): Promise<GradeTranscriptResult> {
      const question = bank.get(transcript.questionId)
      if (!question) {
        return {
          ok: false,
          failure: { kind: 'not_found', subject: 'question', id: transcript.questionId },
        }
      }
      return { ok: true, grade: await gradeWithFallback(question, transcript) }
    },

    subscribe(listener: GradeProgressListener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type GradingService = ReturnType<typeof createGradingService>
