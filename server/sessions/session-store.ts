import type { Grade } from '../grading/grade-schema.js'
import type { CounterStore } from './counter-store.js'
import type { GradingJobStore } from './grading-job.js'
import type { SessionLeaseStore, TurnWriteOptions } from './session-lease.js'
import type { Session, SessionWithTurns, Turn } from './session-schema.js'

/** A turn to append; the store assigns `seq` (next in the session) atomically. */
export type NewTurn = Omit<Turn, 'seq'>

export type AppendResult =
  /** Stored now. */
  | { status: 'appended'; turn: Turn }
  /** A candidate turn with this clientId was already stored: the earlier turn, unchanged. */
  | { status: 'duplicate'; turn: Turn }

/** What completing a streamed interviewer turn may change. */
export type TurnPatch = Partial<
  Pick<
    Turn,
    | 'text'
    | 'completedAt'
    | 'hiddenNotes'
    | 'usage'
    | 'leaksCaught'
    | 'target'
    | 'model'
    | 'provider'
    | 'probe'
  >
>

export type Page<T> = { items: T[]; nextCursor: string | null }

/**
 * Where sessions and their turns live. Adapters: SqliteSessionStore (embedded default),
 * MemorySessionStore (unit tests), RedisSessionStore and VercelKvSessionStore (several
 * instances; chosen by createSessionStoreFromEnv). Every write is durable when its promise
 * resolves: a turn the server acknowledged survives a crash of the process (for Redis, given
 * the server's AOF persistence; see redis-session-store.ts).
 */
export interface SessionStore extends SessionLeaseStore, GradingJobStore, CounterStore {
  createSession(session: Session): Promise<void>
  /** The session with its turns in seq order, or null when absent. */
  getSession(id: string): Promise<SessionWithTurns | null>
  /** The owner's sessions, newest first. `cursor` comes from the previous page. */
  listSessions(ownerId: string, opts: { limit: number; cursor?: string }): Promise<Page<Session>>
  /**
   * Atomic: assigns the next seq, dedupes candidate turns by clientId, and moves the session's
   * updatedAt to the turn's createdAt. Unknown session ids (here, in updateTurn and in
   * updateSession) throw a SessionStoreError: callers check the session first. With
   * `opts.fence`, a lease whose token is no longer the session's latest is refused with a
   * SessionStoreError('fenced'), here and in updateTurn (session-lease.ts).
   */
  appendTurn(turn: NewTurn, opts?: TurnWriteOptions): Promise<AppendResult>
  /** Completes a streamed interviewer turn (text, usage, notes) in one write. */
  updateTurn(
    sessionId: string,
    turnId: string,
    patch: TurnPatch,
    opts?: TurnWriteOptions,
  ): Promise<Turn>
  updateSession(id: string, patch: Partial<Pick<Session, 'status' | 'updatedAt'>>): Promise<Session>
  /** Stores the latest grade of a session, replacing an earlier one. */
  saveGrade(sessionId: string, grade: Grade): Promise<void>
  getGrade(sessionId: string): Promise<Grade | null>
  /**
   * "Retry from here": creates `fork` (a new session whose parentId is the source) holding copies
   * of the source's turns with seq <= uptoSeq, same ids and seqs. Null when the source is absent.
   */
  forkSession(sourceId: string, uptoSeq: number, fork: Session): Promise<SessionWithTurns | null>
  /** Sets (or replaces) the session's read-only share token. */
  setShareToken(sessionId: string, token: string | null): Promise<void>
  findSessionIdByShareToken(token: string): Promise<string | null>
  close(): Promise<void>
}
