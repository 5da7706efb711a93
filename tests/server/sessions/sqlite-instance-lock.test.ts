import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { lockSqliteInstance } from '../../../server/sessions/sqlite-instance-lock.js'
import { migrateSqlite } from '../../../server/sessions/sqlite-migrations.js'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'

const holder = fileURLToPath(new URL('./fixtures/hold-instance-lock.ts', import.meta.url))
const cleanups: (() => unknown)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-lock-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'sparring.db')
}

function open(path: string, serverInstance: string): SqliteSessionStore {
  const store = SqliteSessionStore.open(path, { serverInstance })
  cleanups.push(() => store.close())
  return store
}

/** Starts a server-like child that holds the file; resolves once it has claimed it. */
function startHolder(path: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', holder, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cleanups.push(() => child.kill('SIGKILL'))
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`holder exited (${code}): ${stderr}`)))
  })
}

describe('SQLite serves one server process', () => {
  it('refuses a second server process on the same file, naming the first, until it dies', async () => {
    const path = tempDb()
    const child = await startHolder(path)
    expect(() => SqliteSessionStore.open(path, { serverInstance: 'second' })).toThrow(
      new RegExp(`in use by another Sparring server \\(pid ${child.pid} on .*REDIS_URL`),
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    // Its pid is gone on this host: the file is free at once, no waiting for a heartbeat.
    const store = open(path, 'second')
    expect(await store.getSession('x')).toBeNull()
  })

  it('frees the file when the holder closes its store, and lets the same holder reopen', async () => {
    const path = tempDb()
    const first = SqliteSessionStore.open(path, { serverInstance: 'a' })
    expect(() => SqliteSessionStore.open(path, { serverInstance: 'b' })).toThrow(/in use/)
    await first.close()
    open(path, 'b')
    // The CLI and tests open the file without claiming it.
    open(path, 'b').close()
    const unclaimed = SqliteSessionStore.open(path)
    await unclaimed.close()
  })

  it('treats a holder on another host as gone once its heartbeat is stale', () => {
    const path = tempDb()
    const db = new Database(path)
    cleanups.push(() => db.close())
    migrateSqlite(db)
    let now = 1_000_000
    const clock = () => now
    const elsewhere = { holder: 'far', host: 'other-host', pid: 1, now: clock, staleMs: 30_000 }
    lockSqliteInstance(db, path, elsewhere)
    now += 29_000
    expect(() => lockSqliteInstance(db, path, { holder: 'near', now: clock })).toThrow(
      /pid 1 on other-host/,
    )
    now += 2_000
    const near = lockSqliteInstance(db, path, { holder: 'near', now: clock })
    near.release()
    expect(db.prepare('SELECT COUNT(*) AS n FROM server_instance').get()).toEqual({ n: 0 })
  })
})
