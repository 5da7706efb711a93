import { chmodSync, existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Grade } from '../grading/grade-schema.js'
import { GradingJobSchema, type GradingClaim, type GradingJob } from './grading-job.js'
import type { LeaseAttempt, SessionLease, TurnWriteOptions } from './session-lease.js'
import { readListCursor, nextListCursor } from './session-cursor.js'
import type { Session, SessionWithTurns, Turn } from './session-schema.js'
import type { AppendResult, NewTurn, Page, SessionStore, TurnPatch } from './session-store.js'
import { fencedMessage, gaveUpMessage, SessionStoreError } from './session-store-error.js'
import { lockSqliteInstance } from './sqlite-instance-lock.js'
import { migrateSqlite } from './sqlite-migrations.js'
import { checkSqliteIntegrity, describeSqliteOpenFailure } from './sqlite-open-failure.js'
import {
  fromGradeJson,
  fromSessionRow,
  fromTurnRow,
  toSessionRow,
  toTurnRow,
  type SessionRow,
  type TurnRow,
} from './sqlite-rows.js'

const TURN_COLUMNS = `session_id, id, seq, role, kind, text, client_id, created_at, completed_at,
  target, hidden_notes, provider, model, usage_json, leaks_caught, probe_json`

/**
 * The embedded default SessionStore: one SQLite file (better-sqlite3, synchronous, so each
 * method's work is done when its promise is created; the promise only keeps the port async for
 * networked adapters).
 */
export class SqliteSessionStore implements SessionStore {
  private releaseInstance: () => void = () => {}

  private constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  /**
   * Opens (creating the folder and file on first start) and migrates the database at `path`.
   * `now` is the clock leases expire by, in ms. With `serverInstance` (the server does this),
   * the file is claimed for that one server process and a second one is refused
   * (sqlite-instance-lock.ts); close() gives it up.
   */
  static open(
    path: string,
    opts: { now?: () => number; serverInstance?: string } = {},
  ): SqliteSessionStore {
    // Any failure to open, migrate or check the file becomes one line saying what happened to
    // which file and what to do (sqlite-open-failure.ts), not a stack.
    let db: Database.Database | undefined
    try {
      // A folder made here is the owner's alone (0700); one that existed is left as its owner set it.
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
      db = new Database(path)
      // WAL: readers never block the writer. synchronous = FULL: every commit fsyncs the WAL
      // before returning. In WAL mode NORMAL already survives a crash of this process (the commit
      // is in the OS's page cache), but not a power cut or kernel panic; FULL makes "the server
      // acknowledged it" mean "it is on disk", at the cost of one fsync per turn, which a chat
      // turn rate never notices.
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.pragma('foreign_keys = ON')
      // Several processes may share the file (a CLI beside the server): wait for the lock.
      db.pragma('busy_timeout = 5000')
      if (path !== ':memory:') checkSqliteIntegrity(db, path)
      migrateSqlite(db)
      // Transcripts are private: the database and its WAL files are readable by the owner only.
      if (path !== ':memory:') {
        for (const file of [path, `${path}-wal`, `${path}-shm`]) {
          if (existsSync(file)) chmodSync(file, 0o600)
        }
      }
    } catch (err) {
      if (db?.open) db.close()
      throw describeSqliteOpenFailure(err, path)
    }
    const store = new SqliteSessionStore(db, opts.now ?? Date.now)
    if (opts.serverInstance !== undefined) {
      try {
        const lock = lockSqliteInstance(db, path, { holder: opts.serverInstance })
        store.releaseInstance = lock.release
      } catch (err) {
        db.close()
        throw describeSqliteOpenFailure(err, path)
      }
    }
    return store
  }

  async createSession(session: Session): Promise<void> {
    this.insertSession(session)
  }

  async getSession(id: string): Promise<SessionWithTurns | null> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as
      SessionRow | undefined
    if (!row) return null
    return { ...fromSessionRow(row), turns: this.readTurns(id) }
  }

  async listSessions(
    ownerId: string,
    opts: { limit: number; cursor?: string },
  ): Promise<Page<Session>> {
    const after = readListCursor(opts.cursor)
    const rows = (
      after
        ? this.db
            .prepare(
              `SELECT * FROM sessions WHERE owner_id = ?
                 AND (created_at < ? OR (created_at = ? AND id < ?))
               ORDER BY created_at DESC, id DESC LIMIT ?`,
            )
            .all(ownerId, after.createdAt, after.createdAt, after.id, opts.limit + 1)
        : this.db
            .prepare(
              'SELECT * FROM sessions WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
            )
            .all(ownerId, opts.limit + 1)
    ) as SessionRow[]
    const items = rows.slice(0, opts.limit).map(fromSessionRow)
    return {
      items,
      nextCursor: nextListCursor(rows.length, opts.limit, items.at(-1)),
    }
  }

  async appendTurn(turn: NewTurn, opts: TurnWriteOptions = {}): Promise<AppendResult> {
    // IMMEDIATE takes the write lock before reading max(seq), so two processes cannot both
    // compute the same next seq.
    return this.db
      .transaction((): AppendResult => {
        this.requireSession(turn.sessionId)
        this.checkFence(turn.sessionId, opts)
        if (turn.clientId !== null) {
          const earlier = this.db
            .prepare(`SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? AND client_id = ?`)
            .get(turn.sessionId, turn.clientId) as TurnRow | undefined
          if (earlier) return { status: 'duplicate', turn: fromTurnRow(earlier) }
        }
        const { next } = this.db
          .prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM turns WHERE session_id = ?')
          .get(turn.sessionId) as { next: number }
        const stored: Turn = { ...turn, seq: next }
        this.insertTurn(stored)
        this.db
          .prepare('UPDATE sessions SET updated_at = ? WHERE id = ?')
          .run(turn.createdAt, turn.sessionId)
        return { status: 'appended', turn: stored }
      })
      .immediate()
  }

  async updateTurn(
    sessionId: string,
    turnId: string,
    patch: TurnPatch,
    opts: TurnWriteOptions = {},
  ): Promise<Turn> {
    return this.db
      .transaction((): Turn => {
        this.checkFence(sessionId, opts)
        const row = this.db
          .prepare(`SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? AND id = ?`)
          .get(sessionId, turnId) as TurnRow | undefined
        if (!row) {
          throw new SessionStoreError('not_found', `No turn "${turnId}" in session "${sessionId}".`)
        }
        const updated = { ...fromTurnRow(row), ...patch }
        const r = toTurnRow(updated)
        this.db
          .prepare(
            `UPDATE turns SET text = ?, completed_at = ?, target = ?, hidden_notes = ?,
             provider = ?, model = ?, usage_json = ?, leaks_caught = ?, probe_json = ?
           WHERE session_id = ? AND id = ?`,
          )
          .run(
            r.text,
            r.completed_at,
            r.target,
            r.hidden_notes,
            r.provider,
            r.model,
            r.usage_json,
            r.leaks_caught,
            r.probe_json,
            sessionId,
            turnId,
          )
        return updated
      })
      .immediate()
  }

  async updateSession(
    id: string,
    patch: Partial<Pick<Session, 'status' | 'updatedAt'>>,
  ): Promise<Session> {
    return this.db
      .transaction((): Session => {
        const updated = { ...this.requireSession(id), ...patch }
        this.db
          .prepare('UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?')
          .run(updated.status, updated.updatedAt, id)
        return updated
      })
      .immediate()
  }

  async forkSession(
    sourceId: string,
    uptoSeq: number,
    fork: Session,
  ): Promise<SessionWithTurns | null> {
    const forked = this.db
      .transaction((): boolean => {
        if (!this.db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sourceId)) return false
        this.insertSession(fork)
        this.db
          .prepare(
            `INSERT INTO turns (${TURN_COLUMNS})
           SELECT ?, id, seq, role, kind, text, client_id, created_at, completed_at, target,
             hidden_notes, provider, model, usage_json, leaks_caught, probe_json
           FROM turns WHERE session_id = ? AND seq <= ?`,
          )
          .run(fork.id, sourceId, uptoSeq)
        return true
      })
      .immediate()
    return forked ? this.getSession(fork.id) : null
  }

  async saveGrade(sessionId: string, grade: Grade): Promise<void> {
    this.requireSession(sessionId)
    this.db
      .prepare(
        `INSERT INTO grades (session_id, grade_json) VALUES (?, ?)
         ON CONFLICT (session_id) DO UPDATE SET grade_json = excluded.grade_json`,
      )
      .run(sessionId, JSON.stringify(grade))
  }

  async getGrade(sessionId: string): Promise<Grade | null> {
    const row = this.db
      .prepare('SELECT grade_json FROM grades WHERE session_id = ?')
      .get(sessionId) as { grade_json: string } | undefined
    return row ? fromGradeJson(row.grade_json, sessionId) : null
  }

  async setShareToken(sessionId: string, token: string | null): Promise<void> {
    this.db
      .transaction(() => {
        this.requireSession(sessionId)
        this.db.prepare('DELETE FROM share_tokens WHERE session_id = ?').run(sessionId)
        if (token !== null) {
          this.db
            .prepare('INSERT INTO share_tokens (token, session_id) VALUES (?, ?)')
            .run(token, sessionId)
        }
      })
      .immediate()
  }

  async findSessionIdByShareToken(token: string): Promise<string | null> {
    const row = this.db
      .prepare('SELECT session_id FROM share_tokens WHERE token = ?')
      .get(token) as { session_id: string } | undefined
    return row?.session_id ?? null
  }

  async acquireLease(sessionId: string, holder: string, ttlMs: number): Promise<LeaseAttempt> {
    return this.db
      .transaction((): LeaseAttempt => {
        const now = this.now()
        const row = this.leaseRow(sessionId)
        const live = row && row.holder !== null && row.expires_at > now
        if (live && row.holder !== holder) {
          return { status: 'held', holder: row.holder!, retryInMs: row.expires_at - now }
        }
        const token = live ? row.token : (row?.token ?? 0) + 1
        this.db
          .prepare(
            `INSERT INTO session_leases (session_id, holder, token, expires_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (session_id) DO UPDATE SET holder = excluded.holder,
               token = excluded.token, expires_at = excluded.expires_at`,
          )
          .run(sessionId, holder, token, now + ttlMs)
        return { status: 'acquired', lease: { sessionId, holder, token } }
      })
      .immediate()
  }

  async renewLease(lease: SessionLease, ttlMs: number): Promise<boolean> {
    const now = this.now()
    const changed = this.db
      .prepare(
        `UPDATE session_leases SET expires_at = ?
         WHERE session_id = ? AND holder = ? AND token = ? AND expires_at > ?`,
      )
      .run(now + ttlMs, lease.sessionId, lease.holder, lease.token, now).changes
    return changed === 1
  }

  async releaseLease(lease: SessionLease): Promise<void> {
    this.db
      .prepare(
        `UPDATE session_leases SET holder = NULL, expires_at = 0
         WHERE session_id = ? AND holder = ? AND token = ?`,
      )
      .run(lease.sessionId, lease.holder, lease.token)
  }

  async enqueueGradingJob(sessionId: string, now: string): Promise<'queued' | 'already'> {
    return this.db
      .transaction((): 'queued' | 'already' => {
        const row = this.jobRow(sessionId)
        const open =
          row &&
          (row.state === 'queued' || (row.state === 'running' && row.lease_until > this.now()))
        if (open) return 'already'
        this.db
          .prepare(
            `INSERT INTO grading_jobs (session_id, state, message, attempts, holder, lease_until,
               updated_at) VALUES (?, 'queued', 'Waiting to be graded.', 0, NULL, 0, ?)
             ON CONFLICT (session_id) DO UPDATE SET state = 'queued', message = excluded.message,
               attempts = 0, holder = NULL, lease_until = 0, updated_at = excluded.updated_at`,
          )
          .run(sessionId, now)
        return 'queued'
      })
      .immediate()
  }

  async claimGradingJob(
    sessionId: string,
    claim: { holder: string; ttlMs: number; maxAttempts: number; now: string },
  ): Promise<GradingClaim> {
    return this.db
      .transaction((): GradingClaim => {
        const row = this.jobRow(sessionId)
        if (!row || row.state === 'done' || row.state === 'failed') return { status: 'none' }
        if (row.state === 'running' && row.lease_until > this.now()) return { status: 'busy' }
        const update = this.db.prepare(
          `UPDATE grading_jobs SET state = ?, message = ?, attempts = ?, holder = ?,
             lease_until = ?, updated_at = ? WHERE session_id = ?`,
        )
        if (row.attempts >= claim.maxAttempts) {
          update.run(
            'failed',
            gaveUpMessage(row.attempts),
            row.attempts,
            null,
            0,
            claim.now,
            sessionId,
          )
          return { status: 'gave-up', job: this.readJob(sessionId)! }
        }
        const until = this.now() + claim.ttlMs
        update.run(
          'running',
          'Grading in progress.',
          row.attempts + 1,
          claim.holder,
          until,
          claim.now,
          sessionId,
        )
        return { status: 'claimed', job: this.readJob(sessionId)! }
      })
      .immediate()
  }

  async listOpenGradingJobs(): Promise<string[]> {
    const rows = this.db
      .prepare(`SELECT session_id FROM grading_jobs WHERE state IN ('queued', 'running')`)
      .all() as { session_id: string }[]
    return rows.map((r) => r.session_id)
  }

  async renewGradingJob(
    sessionId: string,
    holder: string,
    ttlMs: number,
    message: string | null,
  ): Promise<boolean> {
    const now = this.now()
    const changed = this.db
      .prepare(
        `UPDATE grading_jobs SET lease_until = ?, message = COALESCE(?, message)
         WHERE session_id = ? AND state = 'running' AND holder = ? AND lease_until > ?`,
      )
      .run(now + ttlMs, message, sessionId, holder, now).changes
    return changed === 1
  }

  async finishGradingJob(
    sessionId: string,
    holder: string,
    outcome: { state: 'done' | 'failed'; message: string | null; now: string },
  ): Promise<boolean> {
    const changed = this.db
      .prepare(
        `UPDATE grading_jobs SET state = ?, message = ?, holder = NULL, lease_until = 0,
           updated_at = ?
         WHERE session_id = ? AND state = 'running' AND holder = ? AND lease_until > ?`,
      )
      .run(outcome.state, outcome.message, outcome.now, sessionId, holder, this.now()).changes
    return changed === 1
  }

  async getGradingJob(sessionId: string): Promise<GradingJob | null> {
    return this.readJob(sessionId)
  }

  async addToCounter(key: string, delta: number, ttlMs: number): Promise<number> {
    const now = Date.now()
    return this.db
      .transaction(() => {
        // Expired counters go here rather than on a timer: the index keeps it cheap.
        this.db.prepare('DELETE FROM counters WHERE expires_at <= ?').run(now)
        const row = this.db
          .prepare(
            `INSERT INTO counters (key, value, expires_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = value + excluded.value,
               expires_at = excluded.expires_at
             RETURNING value`,
          )
          .get(key, delta, now + ttlMs) as { value: number }
        return row.value
      })
      .immediate()
  }

  async close(): Promise<void> {
    this.releaseInstance()
    if (this.db.open) this.db.close()
  }

  private leaseRow(sessionId: string) {
    return this.db
      .prepare('SELECT holder, token, expires_at FROM session_leases WHERE session_id = ?')
      .get(sessionId) as { holder: string | null; token: number; expires_at: number } | undefined
  }

  private checkFence(sessionId: string, opts: TurnWriteOptions): void {
    const fence = opts.fence
    if (fence && this.leaseRow(sessionId)?.token !== fence.token) {
      throw new SessionStoreError('fenced', fencedMessage(sessionId, fence.token))
    }
  }

  private jobRow(sessionId: string) {
    return this.db.prepare('SELECT * FROM grading_jobs WHERE session_id = ?').get(sessionId) as
      JobRow | undefined
  }

  private readJob(sessionId: string): GradingJob | null {
    const row = this.jobRow(sessionId)
    if (!row) return null
    const parsed = GradingJobSchema.safeParse({
      sessionId: row.session_id,
      state: row.state,
      message: row.message,
      attempts: row.attempts,
      holder: row.holder,
      updatedAt: row.updated_at,
    })
    if (!parsed.success) {
      throw new SessionStoreError('corrupt', `The grading job of "${sessionId}" is corrupt.`)
    }
    return parsed.data
  }

  private insertSession(session: Session): void {
    const r = toSessionRow(session)
    try {
      this.db
        .prepare(
          `INSERT INTO sessions (id, owner_id, question_id, mode, focus, options_json, status,
             parent_id, created_at, updated_at)
           VALUES (@id, @owner_id, @question_id, @mode, @focus, @options_json, @status,
             @parent_id, @created_at, @updated_at)`,
        )
        .run(r)
    } catch (cause) {
      if ((cause as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw cause
      throw new SessionStoreError('conflict', `Session "${session.id}" already exists.`, { cause })
    }
  }

  private insertTurn(turn: Turn): void {
    this.db
      .prepare(
        `INSERT INTO turns (${TURN_COLUMNS}) VALUES (@session_id, @id, @seq, @role, @kind, @text,
           @client_id, @created_at, @completed_at, @target, @hidden_notes, @provider, @model,
           @usage_json, @leaks_caught, @probe_json)`,
      )
      .run(toTurnRow(turn))
  }

  private readTurns(sessionId: string): Turn[] {
    const rows = this.db
      .prepare(`SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? ORDER BY seq`)
      .all(sessionId) as TurnRow[]
    return rows.map(fromTurnRow)
  }

  private requireSession(id: string): Session {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as
      SessionRow | undefined
    if (!row) throw new SessionStoreError('not_found', `No session "${id}".`)
    return fromSessionRow(row)
  }
}

type JobRow = {
  session_id: string
  state: string
  message: string | null
  attempts: number
  holder: string | null
  lease_until: number
  updated_at: string
}
