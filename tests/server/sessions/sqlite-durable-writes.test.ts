import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'

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

/** A store whose log fsyncs the test lets finish by hand. */
function openWithManualSync() {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-durable-'))
  dirs.push(dir)
  const syncs: Array<() => void> = []
  let manual = true
  const store = SqliteSessionStore.open(join(dir, 'sparring.db'), {
    syncFile: () =>
      manual ? new Promise<void>((resolve) => syncs.push(resolve)) : Promise.resolve(),
  })
  stores.push(store)
  return { store, syncs, stopHolding: () => (manual = false) }
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
})
