import type { Grade } from '../grading/grade-schema.js'
import { readListCursor, nextListCursor, isNewerThan } from './session-cursor.js'
import type { Session, SessionWithTurns, Turn } from './session-schema.js'
import type { AppendResult, NewTurn, Page, SessionStore, TurnPatch } from './session-store.js'
import { SessionStoreError } from './session-store-error.js'

/**
 * A SessionStore in process memory, for unit tests: the same semantics as the durable stores
 * (the shared contract suite runs against every store). Records are copied in and out so callers can
 * never mutate stored state by accident.
 */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>()
  private readonly turns = new Map<string, Turn[]>()
  private readonly grades = new Map<string, Grade>()
  private readonly shareTokens = new Map<string, string>()

  async createSession(session: Session): Promise<void> {
    if (this.sessions.has(session.id)) {
      throw new SessionStoreError('conflict', `Session "${session.id}" already exists.`)
    }
    this.sessions.set(session.id, structuredClone(session))
    this.turns.set(session.id, [])
  }

  async getSession(id: string): Promise<SessionWithTurns | null> {
    const session = this.sessions.get(id)
    if (!session) return null
    return structuredClone({ ...session, turns: this.turns.get(id) ?? [] })
  }

  async listSessions(
    ownerId: string,
    opts: { limit: number; cursor?: string },
  ): Promise<Page<Session>> {
    const after = readListCursor(opts.cursor)
    const mine = [...this.sessions.values()]
      .filter((s) => s.ownerId === ownerId && (!after || isNewerThan(after, s)))
      .sort((a, b) => (isNewerThan(a, b) ? -1 : 1))
    const items = mine.slice(0, opts.limit)
    const nextCursor = nextListCursor(mine.length, opts.limit, items.at(-1))
    return { items: structuredClone(items), nextCursor }
  }

  async appendTurn(turn: NewTurn): Promise<AppendResult> {
    const session = this.requireSession(turn.sessionId)
    const turns = this.turns.get(turn.sessionId) ?? []
    const earlier =
      turn.clientId === null ? undefined : turns.find((t) => t.clientId === turn.clientId)
    if (earlier) return { status: 'duplicate', turn: structuredClone(earlier) }
    const stored: Turn = { ...structuredClone(turn), seq: (turns.at(-1)?.seq ?? 0) + 1 }
    turns.push(stored)
    this.sessions.set(session.id, { ...session, updatedAt: turn.createdAt })
    return { status: 'appended', turn: structuredClone(stored) }
  }

  async updateTurn(sessionId: string, turnId: string, patch: TurnPatch): Promise<Turn> {
    const turns = this.turns.get(sessionId) ?? []
    const index = turns.findIndex((t) => t.id === turnId)
    const current = turns[index]
    if (!current) {
      throw new SessionStoreError('not_found', `No turn "${turnId}" in session "${sessionId}".`)
    }
    const updated = { ...current, ...structuredClone(patch) }
    turns[index] = updated
    return structuredClone(updated)
  }

  async updateSession(
    id: string,
    patch: Partial<Pick<Session, 'status' | 'updatedAt'>>,
  ): Promise<Session> {
    const updated = { ...this.requireSession(id), ...patch }
    this.sessions.set(id, updated)
    return structuredClone(updated)
  }

  async forkSession(
    sourceId: string,
    uptoSeq: number,
    fork: Session,
  ): Promise<SessionWithTurns | null> {
    const source = this.sessions.get(sourceId)
    if (!source) return null
    const copied = (this.turns.get(sourceId) ?? [])
      .filter((t) => t.seq <= uptoSeq)
      .map((t) => ({ ...structuredClone(t), sessionId: fork.id }))
    await this.createSession(fork)
    this.turns.set(fork.id, copied)
    return this.getSession(fork.id)
  }

  async saveGrade(sessionId: string, grade: Grade): Promise<void> {
    this.requireSession(sessionId)
    this.grades.set(sessionId, structuredClone(grade))
  }

  async getGrade(sessionId: string): Promise<Grade | null> {
    const grade = this.grades.get(sessionId)
    return grade ? structuredClone(grade) : null
  }

  async setShareToken(sessionId: string, token: string | null): Promise<void> {
    this.requireSession(sessionId)
    for (const [t, id] of this.shareTokens) if (id === sessionId) this.shareTokens.delete(t)
    if (token !== null) this.shareTokens.set(token, sessionId)
  }

  async findSessionIdByShareToken(token: string): Promise<string | null> {
    return this.shareTokens.get(token) ?? null
  }

  async close(): Promise<void> {}

  private requireSession(id: string): Session {
    const session = this.sessions.get(id)
    if (!session) throw new SessionStoreError('not_found', `No session "${id}".`)
    return session
  }
}
