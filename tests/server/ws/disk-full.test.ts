import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionStore } from '../../../server/sessions/session-store.js'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { createTestDeps } from '../../support/test-deps.js'
import { createHttpBrowser, openSocket, startServer } from './support/ws-harness.js'

/**
 * Issue 11, item 4: with the disk full a session can still be ended, or the user is told why it
 * cannot be, and nothing stored before is lost. Before, the end was a 500 (REST) or a closing
 * turn that failed with "Send your answer again" and a session left active (WebSocket).
 */

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function sqliteStore(): SqliteSessionStore {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-full-'))
  const store = SqliteSessionStore.open(join(dir, 'sparring.db'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => store.close())
  return store
}

const FULL = () => new Database.SqliteError('database or disk is full', 'SQLITE_FULL')

/** The store with some writes failing as on a full disk, switched on by `full`. */
function failingWrites(store: SessionStore, methods: (keyof SessionStore)[]) {
  const state = { full: false }
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown
      if (typeof value !== 'function') return value
      if (state.full && methods.includes(key as keyof SessionStore)) {
        return () => Promise.reject(FULL())
      }
      return (value as (...a: unknown[]) => unknown).bind(target)
    },
  })
  return { store: wrapped, state }
}

async function startedInterview(store: SessionStore) {
  const server = await startServer(createTestDeps({ store }))
  cleanups.push(() => server.stop())
  const browser = createHttpBrowser(server.port)
  const id = await browser.startSession({ questionId: 'sample-question', mode: 'mock' })
  const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
  cleanups.push(() => socket.close())
  await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
  socket.send({ type: 'answer', clientId: 'a1', text: 'A queue in front of the payment service.' })
  await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
  return { browser, id, socket }
}

describe('a full disk', () => {
  it('real SQLite at its page limit: an answer is refused as storage:full, the end still works, nothing is lost', async () => {
    const sqlite = sqliteStore()
    const { id, socket } = await startedInterview(sqlite)
    const before = (await sqlite.getSession(id))!.turns
    // The file may not grow by a single page: a long answer needs new pages, so its insert
    // fails with a real SQLITE_FULL and is rolled back.
    const db = sqlite['db']
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    socket.send({ type: 'answer', clientId: 'a2', text: 'Idempotency keys. '.repeat(600) })
    const refused = await socket.waitFor('error')
    expect(refused.code).toBe('storage:full')
    expect(refused.message).toMatch(/disk is full.*Everything saved before is kept/)
    socket.send({ type: 'end' })
    await socket.waitFor('session-ended')
    const after = (await sqlite.getSession(id))!
    expect(after.status).toBe('ended')
    expect(after.turns.slice(0, before.length)).toEqual(before)
  })

  it('the closing turn cannot be stored: the session ends without it and every socket is told', async () => {
    const { store, state } = failingWrites(sqliteStore(), ['appendTurn', 'updateTurn'])
    const { id, socket } = await startedInterview(store)
    const before = (await store.getSession(id))!.turns
    state.full = true
    socket.send({ type: 'end' })
    const notice = await socket.waitFor('notice', (m) => m.code === 'storage:closing_not_saved')
    expect(notice.message).toMatch(/interview has ended.*kept/)
    await socket.waitFor('session-ended')
    const after = (await store.getSession(id))!
    expect(after.status).toBe('ended')
    expect(after.turns).toEqual(before)
  })

  it('nothing can be stored: the end is a 507 over REST and an error frame on the socket, the session as it was', async () => {
    const { store, state } = failingWrites(sqliteStore(), [
      'appendTurn',
      'updateTurn',
      'updateSession',
    ])
    const { browser, id, socket } = await startedInterview(store)
    const before = await store.getSession(id)
    state.full = true
    const res = await browser.post(`/api/sessions/${id}/end`)
    expect(res.status).toBe(507)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error).toMatchObject({ code: 'storage:full' })
    expect(body.error.message).toMatch(/disk is full.*try again/)
    socket.send({ type: 'end' })
    expect((await socket.waitFor('error', (m) => m.code === 'storage:full')).message).toMatch(
      /disk is full/,
    )
    expect(await store.getSession(id)).toEqual(before)
  })
})
