import { fstatSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionLease } from '../../../server/sessions/session-lease.js'
import type { SessionStore } from '../../../server/sessions/session-store.js'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { makeGrade, makeSession, makeTurn } from '../../support/session-fixtures.js'

/**
 * The SQLite store commits with synchronous = NORMAL and fsyncs the write-ahead log itself, off
 * the calling thread: these tests prove no write is acknowledged before that fsync, so "the store
 * said it is written" still means "it is on disk", as with synchronous = FULL.
 */
const dirs: string[] = []
const stores: SqliteSessionStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A store whose log fsyncs the test lets finish by hand; `fds` are the files it fsynced. */
function openWithManualSync() {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-durable-'))
  dirs.push(dir)
  const path = join(dir, 'sparring.db')
  const syncs: Array<() => void> = []
  const fds: number[] = []
  let manual = true
  const store = SqliteSessionStore.open(path, {
    syncFile: (fd) => {
      fds.push(fd)
      return manual ? new Promise<void>((resolve) => syncs.push(resolve)) : Promise.resolve()
    },
  })
  stores.push(store)
  return {
    store,
    path,
    syncs,
    fds,
    stopHolding: () => (manual = false),
    startHolding: () => (manual = true),
  }
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r))
}

describe('SQLite writes are acknowledged only once the log is fsynced', () => {
  it('holds a write until its fsync has finished', async () => {
    const { store, syncs, stopHolding } = openWithManualSync()
    let acknowledged = false
    void store.createSession(makeSession()).then(() => (acknowledged = true))
    await turns(3)
    expect(syncs).toHaveLength(1)
    expect(acknowledged).toBe(false)
    syncs[0]!()
    await turns(3)
    expect(acknowledged).toBe(true)
    stopHolding()
  })

  it('lets a burst of writes share the fsyncs (group commit)', async () => {
    const { store, syncs, stopHolding } = openWithManualSync()
    const created = store.createSession(makeSession())
    const appends = Array.from({ length: 20 }, (_, i) =>
      store.appendTurn(makeTurn({ id: `turn-${i}`, text: `answer ${i}` })),
    )
    // One fsync under way, one more for every write made while it ran: two for 21 writes.
    syncs[0]!()
    await turns(3)
    syncs[1]!()
    await Promise.all([created, ...appends])
    expect(syncs).toHaveLength(2)
    expect((await store.getSession('session-1'))?.turns).toHaveLength(20)
    stopHolding()
  })

  it('does not fsync for reads', async () => {
    const { store, syncs, stopHolding } = openWithManualSync()
    await store.getSession('nobody')
    await store.listSessions('owner-1', { limit: 5 })
    expect(syncs).toHaveLength(0)
    stopHolding()
  })

  it('fsyncs the write-ahead log itself, where a commit in WAL mode lands', async () => {
    const { store, path, fds, stopHolding } = openWithManualSync()
    stopHolding()
    await store.createSession(makeSession())
    expect(fds.length).toBeGreaterThan(0)
    // The same file (inode), not the database file or another: that one is written only at a
    // checkpoint, so fsyncing it would leave the acknowledged commit in the page cache.
    const wal = statSync(`${path}-wal`)
    for (const fd of fds) expect([fstatSync(fd).dev, fstatSync(fd).ino]).toEqual([wal.dev, wal.ino])
  })

  // A write method that returned before the fsync would lose an acknowledged write on a power
  // cut, and no other test would notice. The record lists every method of the store that is not
  // a read, so a new write method does not compile until it is added here.
  it('holds every write method until an fsync begun after its commit has finished', async () => {
    const { store, syncs, stopHolding, startHolding } = openWithManualSync()
    let lease: SessionLease | null = null
    const writes = {
      createSession: (s) => s.createSession(makeSession()),
      appendTurn: (s) => s.appendTurn(makeTurn()),
      updateTurn: (s) => s.updateTurn('session-1', 'turn-1', { text: 'changed' }),
      forkSession: (s) => s.forkSession('session-1', 1, makeSession({ id: 'fork-1' })),
      updateSession: (s) => s.updateSession('session-1', { status: 'ended' }),
      saveGrade: (s) => s.saveGrade('session-1', makeGrade(6)),
      setShareToken: (s) => s.setShareToken('session-1', 'token-1'),
      acquireLease: async (s) => {
        const attempt = await s.acquireLease('fork-1', 'a', 60_000)
        if (attempt.status === 'acquired') lease = attempt.lease
      },
      renewLease: (s) => s.renewLease(lease!, 60_000),
      releaseLease: (s) => s.releaseLease(lease!),
      enqueueGradingJob: (s) => s.enqueueGradingJob('session-1', new Date().toISOString()),
      claimGradingJob: (s) =>
        s.claimGradingJob('session-1', {
          holder: 'a',
          ttlMs: 60_000,
          maxAttempts: 3,
          now: new Date().toISOString(),
        }),
      renewGradingJob: (s) => s.renewGradingJob('session-1', 'a', 60_000, 'half-way'),
      finishGradingJob: (s) =>
        s.finishGradingJob('session-1', 'a', {
          state: 'done',
          message: null,
          now: new Date().toISOString(),
        }),
      addToCounter: (s) => s.addToCounter('sessions:owner:o:1', 1, 60_000),
    } satisfies Record<
      Exclude<
        keyof SessionStore,
        | 'getSession'
        | 'listSessions'
        | 'getGrade'
        | 'findSessionIdByShareToken'
        | 'listOpenGradingJobs'
        | 'getGradingJob'
        | 'close'
      >,
      (s: SessionStore) => Promise<unknown>
    >
    for (const [name, write] of Object.entries(writes)) {
      // Whatever fsync was under way began before this write's commit: let it end first.
      stopHolding()
      for (const finish of syncs.splice(0)) finish()
      await turns(3)
      startHolding()
      let acknowledged = false
      const done = write(store).then(() => (acknowledged = true))
      await turns(5)
      expect(syncs.length, `${name} started no fsync`).toBeGreaterThan(0)
      expect(acknowledged, `${name} was acknowledged before its fsync`).toBe(false)
      for (const finish of syncs.splice(0)) finish()
      await done
    }
    stopHolding()
    expect(lease).not.toBeNull()
    expect((await store.getGradingJob('session-1'))?.state).toBe('done')
  })
})
