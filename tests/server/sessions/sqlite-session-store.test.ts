import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { SessionStoreError } from '../../../server/sessions/session-store-error.js'
import { SQLITE_MIGRATIONS } from '../../../server/sessions/sqlite-migrations.js'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { makeGrade, makeSession, makeTurn } from '../../support/session-fixtures.js'
import { describeSessionStoreContract } from './session-store-contract.js'

const opened: SqliteSessionStore[] = []
const dirs: string[] = []

function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-store-'))
  dirs.push(dir)
  return join(dir, 'nested', 'sparring.db')
}

function openAt(path: string): SqliteSessionStore {
  const store = SqliteSessionStore.open(path)
  opened.push(store)
  return store
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describeSessionStoreContract('SqliteSessionStore on a file', async () => openAt(tempDbPath()))

describe('SqliteSessionStore specifics', () => {
  it('keeps the database and its WAL files to the owner (0600) in a folder it made 0700', async () => {
    const path = tempDbPath()
    const store = openAt(path)
    await store.createSession(makeSession())
    const mode = (file: string) => (statSync(file).mode & 0o777).toString(8)
    expect(mode(join(path, '..'))).toBe('700')
    expect([path, `${path}-wal`, `${path}-shm`].map(mode)).toEqual(['600', '600', '600'])
  })

  it("commits with the log fsynced: its connection's synchronous is NORMAL or FULL, never OFF", () => {
    // With OFF SQLite never fsyncs, and a checkpoint could reset the log before the database
    // file is on disk (issue 11, item 5: the mutation to OFF failed no test). The store's own
    // fsync of each commit is tested in sqlite-durable-writes.test.ts.
    const store = openAt(tempDbPath())
    const db = store['db']
    expect(db.pragma('synchronous', { simple: true })).toBeGreaterThanOrEqual(1)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('creates the folder, runs every migration once and keeps data across reopen', async () => {
    const path = tempDbPath()
    const first = openAt(path)
    await first.createSession(makeSession())
    await first.appendTurn(makeTurn({ clientId: 'c1' }))
    await first.close()
    const second = openAt(path)
    expect((await second.getSession('session-1'))?.turns).toHaveLength(1)
    await second.close()
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length)
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
  })

  it('loads turns stored before probes existed, then stores probes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sparring-store-')), 'old.db')
    dirs.push(join(path, '..'))
    // A file at the first schema, as written before turns.probe_json existed.
    const legacy = new Database(path)
    legacy.exec(SQLITE_MIGRATIONS[0]!.sql)
    legacy.pragma('user_version = 1')
    legacy
      .prepare(
        `INSERT INTO sessions VALUES ('session-1', 'owner-1', 'sample-question', 'mock', NULL,
           '{"followUpBudget":5,"timeLimitMinutes":45}', 'active', NULL, 'x', 'x')`,
      )
      .run()
    legacy
      .prepare(
        `INSERT INTO turns (session_id, id, seq, role, kind, text, created_at, leaks_caught)
         VALUES ('session-1', 'old', 1, 'interviewer', 'follow-up', 'Why a queue?', 'x', 0)`,
      )
      .run()
    legacy.close()
    const store = openAt(path)
    const turns = (await store.getSession('session-1'))!.turns
    expect(turns[0]).toMatchObject({ id: 'old', text: 'Why a queue?' })
    expect(turns[0]!.probe).toBeUndefined()
    const probe = { target: 'step:1', question: 'Why a queue?', quote: null, move: 'open' as const }
    await store.updateTurn('session-1', 'old', { probe })
    expect((await store.getSession('session-1'))!.turns[0]!.probe).toEqual(probe)
  })

  it('refuses a file written by a newer schema', () => {
    const path = tempDbPath()
    openAt(path)
    const raw = new Database(path)
    raw.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`)
    raw.close()
    expect(() => SqliteSessionStore.open(path)).toThrow(/schema version/)
  })

  it('reports a corrupt row as a SessionStoreError naming it', async () => {
    const path = tempDbPath()
    const store = openAt(path)
    await store.createSession(makeSession())
    await store.appendTurn(makeTurn({ id: 'bad', usage: { promptTokens: 1, completionTokens: 2 } }))
    await store.saveGrade('session-1', makeGrade(5))
    const raw = new Database(path)
    raw.prepare(`UPDATE turns SET usage_json = '{"promptTokens":-4}'`).run()
    raw.prepare(`UPDATE grades SET grade_json = 'not json'`).run()
    raw.close()
    const read = store.getSession('session-1')
    await expect(read).rejects.toThrow(SessionStoreError)
    await expect(read).rejects.toThrow(/turn "bad" of session "session-1" is corrupt: usage/)
    await expect(store.getGrade('session-1')).rejects.toThrow(/grade of session .* not JSON/)
  })
})
