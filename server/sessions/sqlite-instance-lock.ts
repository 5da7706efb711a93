import { hostname } from 'node:os'
import type Database from 'better-sqlite3'
import { SessionStoreError } from './session-store-error.js'

export type InstanceLockOptions = {
  /** This process's id among servers (createInstanceId). */
  holder: string
  /** How often the holder proves it is alive. */
  heartbeatMs?: number
  /** A heartbeat older than this is a dead holder (a crash on another host, or a frozen one). */
  staleMs?: number
  now?: () => number
  pid?: number
  host?: string
}

/**
 * SQLite serves one server process: two servers on one file would each stream their own turns
 * (leases would hold, but nothing carries one process's stream to the other's sockets), so the
 * second one is refused at start with a message that says what to do instead. The claim is a
 * row (holder, pid, host, heartbeat) written in an IMMEDIATE transaction, so two processes
 * starting at once cannot both win. A holder that crashed is recognised at once on the same host
 * (its pid is gone) and after `staleMs` without a heartbeat elsewhere. A CLI that opens the file
 * without the lock (the crash test's appender, a migration) is not affected.
 */
export function lockSqliteInstance(
  db: Database.Database,
  path: string,
  opts: InstanceLockOptions,
): { release(): void } {
  const now = opts.now ?? Date.now
  const heartbeatMs = opts.heartbeatMs ?? 5_000
  const staleMs = opts.staleMs ?? 30_000
  const pid = opts.pid ?? process.pid
  const host = opts.host ?? hostname()
  db.transaction(() => {
    const row = db.prepare('SELECT * FROM server_instance WHERE id = 1').get() as
      { holder: string; pid: number; host: string; heartbeat_at: number } | undefined
    const alive =
      row &&
      row.holder !== opts.holder &&
      now() - row.heartbeat_at < staleMs &&
      (row.host !== host || isProcessAlive(row.pid))
    if (alive) {
      throw new SessionStoreError(
        'in_use',
        `The SQLite file ${path} is in use by another Sparring server (pid ${row.pid} on ` +
          `${row.host}). SQLite serves one instance: stop that server, give this one its own ` +
          'DATABASE_PATH, or run several instances on Redis (REDIS_URL) or Vercel KV.',
      )
    }
    db.prepare(
      `INSERT INTO server_instance (id, holder, pid, host, heartbeat_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid,
         host = excluded.host, heartbeat_at = excluded.heartbeat_at`,
    ).run(opts.holder, pid, host, now())
    // The file is this process's alone now: leases and grading runs of an earlier server on it
    // (one that crashed) are dead, so its interrupted turns and gradings resume at once rather
    // than after their TTL.
    db.prepare('UPDATE session_leases SET holder = NULL, expires_at = 0 WHERE holder != ?').run(
      opts.holder,
    )
    db.prepare(
      `UPDATE grading_jobs SET lease_until = 0 WHERE state = 'running' AND holder != ?`,
    ).run(opts.holder)
  }).immediate()
  const beat = setInterval(() => {
    if (!db.open) return clearInterval(beat)
    db.prepare('UPDATE server_instance SET heartbeat_at = ? WHERE id = 1 AND holder = ?').run(
      now(),
      opts.holder,
    )
  }, heartbeatMs)
  beat.unref()
  return {
    release() {
      clearInterval(beat)
      if (db.open) {
        db.prepare('DELETE FROM server_instance WHERE id = 1 AND holder = ?').run(opts.holder)
      }
    },
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists, owned by another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
