import { chmodSync, closeSync, existsSync, fsync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Grade } from '../grading/grade-schema.js'
import { GradingJobSchema, type GradingClaim, type GradingJob } from './grading-job.js'
import type { LeaseAttempt, SessionLease, TurnWriteOptions } from './session-lease.js'
import { readListCursor, nextListCursor } from './session-cursor.js'
import type { Session, SessionWithTurns, Turn } from './session-schema.js'
import type { AppendResult, NewTurn, Page, SessionStore, TurnPatch } from './session-store.js'
import { fencedMessage, gaveUpMessage, SessionStoreError } from './session-store-error.js'
import { createGroupSync } from './group-sync.js'
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
 * method's work is done when its promise is created). A write's promise resolves once the
 * write-ahead log holding it has been fsynced, which happens off the calling thread and is shared
 * by every write made meanwhile (see open()).
 */
export class SqliteSessionStore implements SessionStore {
  private releaseInstance: () => void = () => {}
  private walFd: number | null = null
  private readonly statements = new Map<string, Database.Statement>()
  private readonly durable: () => Promise<void>

  private constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
    walPath: string | null,
    syncFile: (fd: number) => Promise<void>,
  ) {
    this.durable =
      walPath === null
        ? () => Promise.resolve()
        : createGroupSync(() => {
            // SQLite keeps the log file (same inode, maybe truncated) while a connection is open.
            if (this.walFd === null) {
              if (!existsSync(walPath)) return Promise.resolve() // no log yet: nothing written
              this.walFd = openSync(walPath, 'r+')
            }
            return syncFile(this.walFd)
          })
  }

  /**
   * One compiled statement per SQL text, made on first use: compiling it again on every call was
   * a visible share of the main thread's time in a burst of answers (CPU profile of bench:stream).
   */
  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql)
    if (!stmt) {
      stmt = this.db.prepare(sql)
      this.statements.set(sql, stmt)
    }
    return stmt
  }

  /** Resolves with `result` once what was written before the call is on disk. */
  private async committed<T>(result: T): Promise<T> {
    await this.durable()
    return result
  }

  /**
   * Opens (creating the folder and file on first start) and migrates the database at `path`.
   * `now` is the clock leases expire by, in ms. With `serverInstance` (the server does this),
   * the file is claimed for that one server process and a second one is refused
   * (sqlite-instance-lock.ts); close() gives it up. `syncFile` fsyncs the log (tests count it).
   */
  static open(
    path: string,
    opts: {
      now?: () => number
      serverInstance?: string
      syncFile?: (fd: number) => Promise<void>
    } = {},
  ): SqliteSessionStore {
    // Any failure to open, migrate or check the file becomes one line saying what happened to
    // which file and what to do (sqlite-open-failure.ts), not a stack.
    let db: Database.Database | undefined
    try {
      // A folder made here is the owner's alone (0700); one that existed is left as its owner set it.
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
      db = new Database(path)
      // WAL: readers never block the writer. "The server acknowledged it" means "it is on disk":
      // SQLite's synchronous = FULL would fsync the WAL inside every commit, on this thread,
      // stalling every stream the thread relays for the fsync (tens of ms on a busy disk, once
      // per store write). Instead NORMAL (which still fsyncs the WAL and the database around
      // every checkpoint, so a checkpoint never loses a commit) and each write method's promise
      // resolves only after an fsync of the WAL made after its commit (committed()), on libuv's
      // thread pool and shared by all writes made meanwhile (group commit). What a caller has
      // been told is written survives a power cut, as with FULL.
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
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
    const walPath = path === ':memory:' || path === '' ? null : `${path}-wal`
    const store = new SqliteSessionStore(
      db,
      opts.now ?? Date.now,
      walPath,
      opts.syncFile ?? fsyncFd,
    )
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
    await this.durable()
  }

  async getSession(id: string): Promise<SessionWithTurns | null> {
    const row = this.statement('SELECT * FROM sessions WHERE id = ?').get(id) as
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
        ? this.statement(
            `SELECT * FROM sessions WHERE owner_id = ?
                 AND (created_at < ? OR (created_at = ? AND id < ?))
               ORDER BY created_at DESC, id DESC LIMIT ?`,
          ).all(ownerId, after.createdAt, after.createdAt, after.id, opts.limit + 1)
        : this.statement(
            'SELECT * FROM sessions WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
          ).all(ownerId, opts.limit + 1)
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
    return this.committed(
      this.db
        .transaction((): AppendResult => {
          this.requireSession(turn.sessionId)
          this.checkFence(turn.sessionId, opts)
          if (turn.clientId !== null) {
            const earlier = this.statement(
              `SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? AND client_id = ?`,
            ).get(turn.sessionId, turn.clientId) as TurnRow | undefined
            if (earlier) return { status: 'duplicate', turn: fromTurnRow(earlier) }
          }
          const { next } = this.statement(
            'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM turns WHERE session_id = ?',
          ).get(turn.sessionId) as { next: number }
          const stored: Turn = { ...turn, seq: next }
          this.insertTurn(stored)
          this.statement('UPDATE sessions SET updated_at = ? WHERE id = ?').run(
            turn.createdAt,
            turn.sessionId,
          )
          return { status: 'appended', turn: stored }
        })
        .immediate(),
    )
  }

  async updateTurn(
    sessionId: string,
    turnId: string,
    patch: TurnPatch,
    opts: TurnWriteOptions = {},
  ): Promise<Turn> {
    return this.committed(
      this.db
        .transaction((): Turn => {
          this.checkFence(sessionId, opts)
          const row = this.statement(
            `SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? AND id = ?`,
          ).get(sessionId, turnId) as TurnRow | undefined
          if (!row) {
            throw new SessionStoreError(
              'not_found',
              `No turn "${turnId}" in session "${sessionId}".`,
            )
          }
          const updated = { ...fromTurnRow(row), ...patch }
          const r = toTurnRow(updated)
          this.statement(
            `UPDATE turns SET text = ?, completed_at = ?, target = ?, hidden_notes = ?,
             provider = ?, model = ?, usage_json = ?, leaks_caught = ?, probe_json = ?
           WHERE session_id = ? AND id = ?`,
          ).run(
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
        .immediate(),
    )
  }

  async updateSession(
    id: string,
    patch: Partial<Pick<Session, 'status' | 'updatedAt'>>,
  ): Promise<Session> {
    return this.committed(
      this.db
        .transaction((): Session => {
          const updated = { ...this.requireSession(id), ...patch }
          this.statement('UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?').run(
            updated.status,
            updated.updatedAt,
            id,
          )
          return updated
        })
        .immediate(),
    )
  }

  async forkSession(
    sourceId: string,
    uptoSeq: number,
    fork: Session,
  ): Promise<SessionWithTurns | null> {
    const forked = this.db
      .transaction((): boolean => {
        if (!this.statement('SELECT 1 FROM sessions WHERE id = ?').get(sourceId)) return false
        this.insertSession(fork)
        this.statement(
          `INSERT INTO turns (${TURN_COLUMNS})
           SELECT ?, id, seq, role, kind, text, client_id, created_at, completed_at, target,
             hidden_notes, provider, model, usage_json, leaks_caught, probe_json
           FROM turns WHERE session_id = ? AND seq <= ?`,
        ).run(fork.id, sourceId, uptoSeq)
        return true
      })
      .immediate()
    await this.durable()
    return forked ? this.getSession(fork.id) : null
  }

  async saveGrade(sessionId: string, grade: Grade): Promise<void> {
    this.requireSession(sessionId)
    this.statement(
      `INSERT INTO grades (session_id, grade_json) VALUES (?, ?)
         ON CONFLICT (session_id) DO UPDATE SET grade_json = excluded.grade_json`,
    ).run(sessionId, JSON.stringify(grade))
    await this.durable()
  }

  async getGrade(sessionId: string): Promise<Grade | null> {
    const row = this.statement('SELECT grade_json FROM grades WHERE session_id = ?').get(
      sessionId,
    ) as { grade_json: string } | undefined
    return row ? fromGradeJson(row.grade_json, sessionId) : null
  }

  async setShareToken(sessionId: string, token: string | null): Promise<void> {
    this.db
      .transaction(() => {
        this.requireSession(sessionId)
        this.statement('DELETE FROM share_tokens WHERE session_id = ?').run(sessionId)
        if (token !== null) {
          this.statement('INSERT INTO share_tokens (token, session_id) VALUES (?, ?)').run(
            token,
            sessionId,
          )
        }
      })
      .immediate()
    await this.durable()
  }

  async findSessionIdByShareToken(token: string): Promise<string | null> {
    const row = this.statement('SELECT session_id FROM share_tokens WHERE token = ?').get(token) as
      { session_id: string } | undefined
    return row?.session_id ?? null
  }

  async acquireLease(sessionId: string, holder: string, ttlMs: number): Promise<LeaseAttempt> {
    return this.committed(
      this.db
        .transaction((): LeaseAttempt => {
          const now = this.now()
          const row = this.leaseRow(sessionId)
          const live = row && row.holder !== null && row.expires_at > now
          if (live && row.holder !== holder) {
            return { status: 'held', holder: row.holder!, retryInMs: row.expires_at - now }
          }
          const token = live ? row.token : (row?.token ?? 0) + 1
          this.statement(
            `INSERT INTO session_leases (session_id, holder, token, expires_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (session_id) DO UPDATE SET holder = excluded.holder,
               token = excluded.token, expires_at = excluded.expires_at`,
          ).run(sessionId, holder, token, now + ttlMs)
          return { status: 'acquired', lease: { sessionId, holder, token } }
        })
        .immediate(),
    )
  }

  async renewLease(lease: SessionLease, ttlMs: number): Promise<boolean> {
    const now = this.now()
    const changed = this.statement(
      `UPDATE session_leases SET expires_at = ?
         WHERE session_id = ? AND holder = ? AND token = ? AND expires_at > ?`,
    ).run(now + ttlMs, lease.sessionId, lease.holder, lease.token, now).changes
    return this.committed(changed === 1)
  }

  async releaseLease(lease: SessionLease): Promise<void> {
    this.statement(
      `UPDATE session_leases SET holder = NULL, expires_at = 0
         WHERE session_id = ? AND holder = ? AND token = ?`,
    ).run(lease.sessionId, lease.holder, lease.token)
    await this.durable()
  }

  async enqueueGradingJob(sessionId: string, now: string): Promise<'queued' | 'already'> {
    return this.committed(
      this.db
        .transaction((): 'queued' | 'already' => {
          const row = this.jobRow(sessionId)
          const open =
            row &&
            (row.state === 'queued' || (row.state === 'running' && row.lease_until > this.now()))
          if (open) return 'already'
          this.statement(
            `INSERT INTO grading_jobs (session_id, state, message, attempts, holder, lease_until,
               updated_at) VALUES (?, 'queued', 'Waiting to be graded.', 0, NULL, 0, ?)
             ON CONFLICT (session_id) DO UPDATE SET state = 'queued', message = excluded.message,
               attempts = 0, holder = NULL, lease_until = 0, updated_at = excluded.updated_at`,
          ).run(sessionId, now)
          return 'queued'
        })
        .immediate(),
    )
  }

  async claimGradingJob(
    sessionId: string,
    claim: { holder: string; ttlMs: number; maxAttempts: number; now: string },
  ): Promise<GradingClaim> {
    return this.committed(
      this.db
        .transaction((): GradingClaim => {
          const row = this.jobRow(sessionId)
          if (!row || row.state === 'done' || row.state === 'failed') return { status: 'none' }
          if (row.state === 'running' && row.lease_until > this.now()) return { status: 'busy' }
          const update = this.statement(
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
        .immediate(),
    )
  }

  async listOpenGradingJobs(): Promise<string[]> {
    const rows = this.statement(
      `SELECT session_id FROM grading_jobs WHERE state IN ('queued', 'running')`,
    ).all() as { session_id: string }[]
    return rows.map((r) => r.session_id)
  }

  async renewGradingJob(
    sessionId: string,
    holder: string,
    ttlMs: number,
    message: string | null,
  ): Promise<boolean> {
    const now = this.now()
    const changed = this.statement(
      `UPDATE grading_jobs SET lease_until = ?, message = COALESCE(?, message)
         WHERE session_id = ? AND state = 'running' AND holder = ? AND lease_until > ?`,
    ).run(now + ttlMs, message, sessionId, holder, now).changes
    return this.committed(changed === 1)
  }

  async finishGradingJob(
    sessionId: string,
    holder: string,
    outcome: { state: 'done' | 'failed'; message: string | null; now: string },
  ): Promise<boolean> {
    const changed = this.statement(
      `UPDATE grading_jobs SET state = ?, message = ?, holder = NULL, lease_until = 0,
           updated_at = ?
         WHERE session_id = ? AND state = 'running' AND holder = ? AND lease_until > ?`,
    ).run(outcome.state, outcome.message, outcome.now, sessionId, holder, this.now()).changes
    return this.committed(changed === 1)
  }

  async getGradingJob(sessionId: string): Promise<GradingJob | null> {
    return this.readJob(sessionId)
  }

  async addToCounter(key: string, delta: number, ttlMs: number): Promise<number> {
    const now = Date.now()
    return this.committed(
      this.db
        .transaction(() => {
          // Expired counters go here rather than on a timer: the index keeps it cheap.
          this.statement('DELETE FROM counters WHERE expires_at <= ?').run(now)
          const row = this.statement(
            `INSERT INTO counters (key, value, expires_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = value + excluded.value,
               expires_at = excluded.expires_at
             RETURNING value`,
          ).get(key, delta, now + ttlMs) as { value: number }
          return row.value
        })
        .immediate(),
    )
  }

  async close(): Promise<void> {
    // A flush under way still uses the log's descriptor: let it finish first.
    await this.durable().catch(() => {})
    this.releaseInstance()
    if (this.db.open) this.db.close()
    if (this.walFd !== null) closeSync(this.walFd)
    this.walFd = null
  }

  private leaseRow(sessionId: string) {
    return this.statement(
      'SELECT holder, token, expires_at FROM session_leases WHERE session_id = ?',
    ).get(sessionId) as { holder: string | null; token: number; expires_at: number } | undefined
  }

  private checkFence(sessionId: string, opts: TurnWriteOptions): void {
    const fence = opts.fence
    if (fence && this.leaseRow(sessionId)?.token !== fence.token) {
      throw new SessionStoreError('fenced', fencedMessage(sessionId, fence.token))
    }
  }

  private jobRow(sessionId: string) {
    return this.statement('SELECT * FROM grading_jobs WHERE session_id = ?').get(sessionId) as
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
      ...(row.state === 'running' && row.lease_until <= this.now() ? { interrupted: true } : {}),
    })
    if (!parsed.success) {
      throw new SessionStoreError('corrupt', `The grading job of "${sessionId}" is corrupt.`)
    }
    return parsed.data
  }

  private insertSession(session: Session): void {
    const r = toSessionRow(session)
    try {
      this.statement(
        `INSERT INTO sessions (id, owner_id, question_id, mode, focus, options_json, status,
             parent_id, created_at, updated_at)
           VALUES (@id, @owner_id, @question_id, @mode, @focus, @options_json, @status,
             @parent_id, @created_at, @updated_at)`,
      ).run(r)
    } catch (cause) {
      if ((cause as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw cause
      throw new SessionStoreError('conflict', `Session "${session.id}" already exists.`, { cause })
    }
  }

  private insertTurn(turn: Turn): void {
    this.statement(
      `INSERT INTO turns (${TURN_COLUMNS}) VALUES (@session_id, @id, @seq, @role, @kind, @text,
           @client_id, @created_at, @completed_at, @target, @hidden_notes, @provider, @model,
           @usage_json, @leaks_caught, @probe_json)`,
    ).run(toTurnRow(turn))
  }

  private readTurns(sessionId: string): Turn[] {
    const rows = this.statement(
      `SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? ORDER BY seq`,
    ).all(sessionId) as TurnRow[]
    return rows.map(fromTurnRow)
  }

  private requireSession(id: string): Session {
    const row = this.statement('SELECT * FROM sessions WHERE id = ?').get(id) as
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

function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())))
}
