import { randomBytes } from 'node:crypto'
import type { QuestionBank } from '../questions/question-bank.js'
import { buildSessionReport, type GradingStatus, type SessionReport } from './session-report.js'
import type { SessionWithTurns } from './session-schema.js'
import type { SessionResult } from './session-service.js'
import type { SessionStore } from './session-store.js'

/** 32 random bytes, base64url: 256 bits, not guessable, safe in a URL path. */
function createShareToken(): string {
  return randomBytes(32).toString('base64url')
}

export type ReportServiceDeps = {
  store: SessionStore
  bank: QuestionBank
  /** Where grading of a session stands (the grading service knows; `none` without it). */
  gradingStatusOf?: (sessionId: string) => GradingStatus | Promise<GradingStatus>
  newShareToken?: () => string
}

/**
 * Reports of ended sessions for their owner, and read-only share links. The model answer is in
 * every report, so an active session has none: its owner gets `conflict:session_active`.
 */
export function createReportService(deps: ReportServiceDeps) {
  const { store, bank } = deps
  const newShareToken = deps.newShareToken ?? createShareToken
  const gradingStatusOf = deps.gradingStatusOf ?? (() => ({ state: 'none', message: null }))

  async function findOwnEnded(
    ownerId: string,
    id: string,
  ): Promise<SessionResult<SessionWithTurns>> {
    const session = await store.getSession(id)
    if (!session || session.ownerId !== ownerId) {
      return { ok: false, failure: { kind: 'not_found', subject: 'session', id } }
    }
    if (session.status === 'active') {
      return { ok: false, failure: { kind: 'conflict', subject: 'session_active', id } }
    }
    return { ok: true, value: session }
  }

  async function toReport(session: SessionWithTurns): Promise<SessionResult<SessionReport>> {
    const question = bank.get(session.questionId)
    if (!question) {
      const failure = { kind: 'not_found', subject: 'question', id: session.questionId } as const
      return { ok: false, failure }
    }
    const grade = await store.getGrade(session.id)
    const status = await gradingStatusOf(session.id)
    const grading: GradingStatus = grade
      ? { state: 'done', message: null, ...pickRunning(status) }
      : status
    return { ok: true, value: buildSessionReport(session, question, grade, grading) }
  }

  return {
    findOwnEnded,

    async getOwnReport(ownerId: string, id: string): Promise<SessionResult<SessionReport>> {
      const found = await findOwnEnded(ownerId, id)
      return found.ok ? toReport(found.value) : found
    },

    /** A new share token for the session, replacing (and so revoking) any earlier one. */
    async shareReport(ownerId: string, id: string): Promise<SessionResult<{ token: string }>> {
      const found = await findOwnEnded(ownerId, id)
      if (!found.ok) return found
      const token = newShareToken()
      await store.setShareToken(id, token)
      return { ok: true, value: { token } }
    },

    async revokeShare(ownerId: string, id: string): Promise<SessionResult<null>> {
      const session = await store.getSession(id)
      if (!session || session.ownerId !== ownerId) {
        return { ok: false, failure: { kind: 'not_found', subject: 'session', id } }
      }
      await store.setShareToken(id, null)
      return { ok: true, value: null }
    },

    /** The report behind a share token; an unknown or revoked token is not found. */
    async getSharedReport(token: string): Promise<SessionResult<SessionReport>> {
      const id = await store.findSessionIdByShareToken(token)
      const session = id === null ? null : await store.getSession(id)
      if (!session)
        return { ok: false, failure: { kind: 'not_found', subject: 'share', id: token } }
      return toReport(session)
    },
  }
}

export type ReportService = ReturnType<typeof createReportService>

/** A re-grade in progress is still worth saying beside the stored grade. */
function pickRunning(status: GradingStatus): Partial<GradingStatus> {
  return status.state === 'running' ? status : {}
}
