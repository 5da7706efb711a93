import { z } from 'zod'
import type { QuestionBank } from '../questions/question-bank.js'
import { QuestionIdSchema } from '../questions/question-schema.js'
import { decodeSessionCursor } from './session-cursor.js'
import { resolveFocus } from './session-focus.js'
import {
  SessionModeSchema,
  SessionOptionsSchema,
  SessionSchema,
  type Session,
  type SessionWithTurns,
} from './session-schema.js'
import type { Page, SessionStore } from './session-store.js'

/** What starting a session takes: drill needs a focus; options fall back to their defaults. */
export const StartSessionInputSchema = z.object({
  questionId: QuestionIdSchema,
  mode: SessionModeSchema,
  focus: z.string().min(1).max(200).optional(),
  options: SessionOptionsSchema.partial().optional(),
})
export type StartSessionInput = z.infer<typeof StartSessionInputSchema>

/** A session in a listing, with what the history page shows beside it. */
export const SessionSummarySchema = SessionSchema.extend({
  questionTitle: z.string(),
  /** The overall score of the latest grade, or null when not graded. */
  overallScore: z.number().nullable(),
})
export type SessionSummary = z.infer<typeof SessionSummarySchema>

/** An expected failure, mapped to an HTTP error at the edge. */
export type SessionFailure =
  | { kind: 'not_found'; subject: 'question' | 'session' | 'share'; id: string }
  | { kind: 'invalid'; field: 'focus' | 'cursor' | 'seq'; message: string }
  /** The session is in the wrong state for this, e.g. `session_active` for a report. */
  | { kind: 'conflict'; subject: 'session_active'; id: string }

export type SessionResult<T> = { ok: true; value: T } | { ok: false; failure: SessionFailure }

export type SessionServiceDeps = {
  store: SessionStore
  bank: QuestionBank
  clock: () => Date
  newId: () => string
  /**
   * Ends a live interview the way its socket would (aborting a streaming turn, telling every
   * socket); the store is updated directly when absent or when the interview could not end.
   */
  endInterview?: (sessionId: string) => Promise<void>
}

const ok = <T>(value: T): SessionResult<T> => ({ ok: true, value })
const fail = <T>(failure: SessionFailure): SessionResult<T> => ({ ok: false, failure })
const sessionNotFound = <T>(id: string) => fail<T>({ kind: 'not_found', subject: 'session', id })

/**
 * Starting, reading, listing, ending and forking sessions for their owner. Transport-free: the
 * REST routes and the WebSocket both call it. Another owner's session is reported as absent,
 * so ids cannot be probed.
 */
export function createSessionService(deps: SessionServiceDeps) {
  const { store, bank, clock, newId } = deps

  async function getOwnSession(ownerId: string, id: string) {
    const session = await store.getSession(id)
    return session && session.ownerId === ownerId ? ok(session) : sessionNotFound<never>(id)
  }

  return {
    getOwnSession,

    async startSession(ownerId: string, input: StartSessionInput): Promise<SessionResult<Session>> {
      const question = bank.get(input.questionId)
      if (!question) return fail({ kind: 'not_found', subject: 'question', id: input.questionId })
      let focus: string | null = null
      if (input.mode === 'drill' && input.focus === undefined) {
        return fail({ kind: 'invalid', field: 'focus', message: 'A drill needs a focus.' })
      }
      if (input.focus !== undefined) {
        if (input.mode !== 'drill') {
          const message = 'focus applies to drill sessions only.'
          return fail({ kind: 'invalid', field: 'focus', message })
        }
        const checked = resolveFocus(question, input.focus)
        if (!checked.ok) return fail({ kind: 'invalid', field: 'focus', message: checked.message })
        focus = checked.focus
      }
      const now = clock().toISOString()
      const session: Session = {
        id: newId(),
        ownerId,
        questionId: question.id,
        mode: input.mode,
        focus,
        options: SessionOptionsSchema.parse(input.options ?? {}),
        status: 'active',
        parentId: null,
        createdAt: now,
        updatedAt: now,
      }
      await store.createSession(session)
      return ok(session)
    },

    async listOwnSessions(
      ownerId: string,
      page: { limit: number; cursor?: string },
    ): Promise<SessionResult<Page<SessionSummary>>> {
      if (page.cursor !== undefined && !decodeSessionCursor(page.cursor)) {
        return fail({ kind: 'invalid', field: 'cursor', message: 'Unknown cursor.' })
      }
      const listed = await store.listSessions(ownerId, page)
      const items = await Promise.all(
        listed.items.map(async (s) => ({
          ...s,
          questionTitle: bank.get(s.questionId)?.title ?? s.questionId,
          overallScore: (await store.getGrade(s.id))?.overall ?? null,
        })),
      )
      return ok({ items, nextCursor: listed.nextCursor })
    },

    /** Ends the session; ending an ended session changes nothing. */
    async endSession(ownerId: string, id: string): Promise<SessionResult<Session>> {
      const found = await getOwnSession(ownerId, id)
      if (!found.ok) return found
      const { turns: _turns, ...session } = found.value
      if (session.status === 'ended') return ok(session)
      if (deps.endInterview) {
        await deps.endInterview(id)
        const after = await store.getSession(id)
        if (after?.status === 'ended') return ok(withoutTurns(after))
      }
      const updatedAt = clock().toISOString()
      return ok(await store.updateSession(id, { status: 'ended', updatedAt }))
    },

    /** "Retry from here": a new active session with the turns up to and including `uptoSeq`. */
    async forkSession(
      ownerId: string,
      id: string,
      uptoSeq: number,
    ): Promise<SessionResult<SessionWithTurns>> {
      const found = await getOwnSession(ownerId, id)
      if (!found.ok) return found
      const source = found.value
      if (!source.turns.some((t) => t.seq === uptoSeq)) {
        const message = `Session "${id}" has no turn ${uptoSeq}.`
        return fail({ kind: 'invalid', field: 'seq', message })
      }
      const now = clock().toISOString()
      const fork: Session = {
        ...SessionSchema.parse(source),
        id: newId(),
        status: 'active',
        parentId: source.id,
        createdAt: now,
        updatedAt: now,
      }
      const forked = await store.forkSession(id, uptoSeq, fork)
      return forked ? ok(forked) : sessionNotFound(id)
    },
  }
}

export type SessionService = ReturnType<typeof createSessionService>

function withoutTurns({ turns: _turns, ...session }: SessionWithTurns): Session {
  return session
}

/** The transcript as its owner may see it: the grader's hidden notes stay hidden until the end. */
export function toTranscriptView(session: SessionWithTurns): SessionWithTurns {
  if (session.status !== 'active') return session
  return { ...session, turns: session.turns.map((t) => ({ ...t, hiddenNotes: null })) }
}
