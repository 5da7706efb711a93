import type Database from 'better-sqlite3'
import { SessionStoreError } from './session-store-error.js'

/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` records how many
 * have run; each runs once, in its own transaction with the version bump, so a crash mid-way
 * leaves the file at the previous version. Never edit a released migration: append a new one.
 */
export const SQLITE_MIGRATIONS: readonly { name: string; sql: string }[] = [
  {
    name: 'sessions, turns, grades, share tokens',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        focus TEXT,
        options_json TEXT NOT NULL,
        status TEXT NOT NULL,
        parent_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_owner ON sessions (owner_id, created_at DESC, id DESC);

      CREATE TABLE turns (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        client_id TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT,
        target TEXT,
        hidden_notes TEXT,
        provider TEXT,
        model TEXT,
        usage_json TEXT,
        leaks_caught INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, id),
        UNIQUE (session_id, seq)
      );
      -- A retried candidate answer is stored once, even if two writers race past the lookup.
      CREATE UNIQUE INDEX turns_by_client_id ON turns (session_id, client_id)
        WHERE client_id IS NOT NULL;

      CREATE TABLE grades (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        grade_json TEXT NOT NULL
      );

      CREATE TABLE share_tokens (
        token TEXT PRIMARY KEY,
        session_id TEXT NOT NULL UNIQUE REFERENCES sessions (id) ON DELETE CASCADE
      );
    `,
  },
  {
    name: 'session leases, grading jobs, the single-instance lock',
    sql: `
      -- One row per session ever leased; holder NULL once released. The token only grows.
      CREATE TABLE session_leases (
        session_id TEXT PRIMARY KEY,
        holder TEXT,
        token INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );

      CREATE TABLE grading_jobs (
        session_id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        message TEXT,
        attempts INTEGER NOT NULL,
        holder TEXT,
        lease_until INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- The server process that has the file (sqlite-instance-lock.ts); at most one row.
      CREATE TABLE server_instance (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holder TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        heartbeat_at INTEGER NOT NULL
      );
    `,
  },
  {
    name: 'what each interviewer turn asked (turns.probe_json)',
    sql: `ALTER TABLE turns ADD COLUMN probe_json TEXT;`,
  },
  {
    name: 'rate-limit and quota counters (counter-store.ts)',
    sql: `
      CREATE TABLE counters (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX counters_expiry ON counters (expires_at);
    `,
  },
]

/** Brings the file up to the latest schema; refuses a file written by a newer version. */
export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SQLITE_MIGRATIONS.length) {
    throw new SessionStoreError(
      'schema_too_new',
      `The database is at schema version ${current}; this server knows ${SQLITE_MIGRATIONS.length}.`,
    )
  }
  SQLITE_MIGRATIONS.slice(current).forEach((migration, i) => {
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${current + i + 1}`)
    }).immediate()
  })
}
