import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RedisSessionStore } from '../../../server/sessions/redis-session-store.js'
import type { Turn } from '../../../server/sessions/session-schema.js'
import { SessionStoreError } from '../../../server/sessions/session-store-error.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { makeGrade, makeSession, makeTurn } from '../../support/session-fixtures.js'
import { describeCrossInstanceAppends } from './kv-store-concurrency.js'
import { describeSessionStoreContract } from './session-store-contract.js'

let server: RedisServer
let raw: Redis
let prefixes = 0
const opened: RedisSessionStore[] = []

beforeAll(async () => {
  server = await startRedisServer()
  raw = new Redis(server.url)
})

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close()
})

afterAll(async () => {
  await raw?.quit()
  await server?.stop()
})

/** A store on its own key prefix, so each test starts empty. */
async function openStore(keyPrefix = `test-${++prefixes}:`): Promise<RedisSessionStore> {
  const store = await RedisSessionStore.connect(server.url, { keyPrefix })
  opened.push(store)
  return store
}

describeSessionStoreContract('RedisSessionStore', () => openStore())

describeCrossInstanceAppends('RedisSessionStore', async () => {
  const prefix = `pair-${++prefixes}:`
  return [await openStore(prefix), await openStore(prefix)]
})

describe('RedisSessionStore specifics', () => {
  it('writes the documented key layout', async () => {
    const store = await openStore('layout:')
    await store.createSession(makeSession())
    await store.appendTurn(makeTurn({ clientId: 'c-1' }))
    await store.saveGrade('session-1', makeGrade(6))
    await store.setShareToken('session-1', 'tok')
    expect((await raw.keys('layout:*')).sort()).toEqual([
      'layout:client-ids:session-1',
      'layout:grade:session-1',
      'layout:owner:owner-1:sessions',
      'layout:session:session-1',
      'layout:share-of',
      'layout:share-tokens',
      'layout:turn-ids:session-1',
      'layout:turns:session-1',
    ])
    expect(await raw.hget('layout:client-ids:session-1', 'c-1')).toBe('1')
    expect(await raw.hget('layout:session:session-1', 'status')).toBe('"active"')
    expect(JSON.parse((await raw.lindex('layout:turns:session-1', 0)) ?? '')).not.toHaveProperty(
      'seq',
    )
  })

  it('stores a replayed append (same id and record) once and refuses a different one', async () => {
    const store = await openStore()
    await store.createSession(makeSession())
    const turn = makeTurn({ id: 'q', role: 'interviewer', kind: 'question' })
    const first = await store.appendTurn(turn)
    expect(await store.appendTurn(turn)).toEqual(first)
    await expect(store.appendTurn({ ...turn, text: 'other' })).rejects.toThrow(SessionStoreError)
    expect((await store.getSession('session-1'))?.turns).toHaveLength(1)
  })

  it('sends a script again when the server has forgotten it (SCRIPT FLUSH, a restart)', async () => {
    const store = await openStore()
    await store.createSession(makeSession())
    await raw.script('FLUSH')
    const appended = await store.appendTurn(makeTurn())
    expect(appended).toMatchObject({ status: 'appended', turn: { seq: 1 } })
  })

  it('reports a corrupt stored value as a SessionStoreError naming it', async () => {
    const store = await openStore('corrupt:')
    await store.createSession(makeSession())
    await store.appendTurn(makeTurn({ id: 'bad' }))
    await raw.lset('corrupt:turns:session-1', 0, '{"id":"bad","leaksCaught":-1}')
    await expect(store.getSession('session-1')).rejects.toThrow(
      /turn 1 of session "session-1" is corrupt/,
    )
    await raw.hset('corrupt:session:session-1', 'mode', '"karaoke"')
    await expect(store.getSession('session-1')).rejects.toThrow(
      /session "session-1" is corrupt: mode/,
    )
    await raw.set('corrupt:grade:session-1', 'not json')
    await expect(store.getGrade('session-1')).rejects.toThrow(/grade of session .* not JSON/)
  })

  it('refuses a share token that another session holds', async () => {
    const store = await openStore()
    await store.createSession(makeSession({ id: 'a' }))
    await store.createSession(makeSession({ id: 'b' }))
    await store.setShareToken('a', 'tok')
    await expect(store.setShareToken('b', 'tok')).rejects.toThrow(SessionStoreError)
    expect(await store.findSessionIdByShareToken('tok')).toBe('a')
  })

  it('keeps every acknowledged turn through a SIGKILL of Redis (appendfsync always)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparring-aof-'))
    const servers: RedisServer[] = []
    try {
      servers.push(await startRedisServer({ aofDir: dir }))
      const writer = await RedisSessionStore.connect(servers[0]?.url ?? '')
      opened.push(writer)
      await writer.createSession(makeSession())
      const acknowledged: Turn[] = []
      const appending = (async () => {
        for (let i = 0; i < 500; i += 1) {
          const { turn } = await writer.appendTurn(makeTurn({ id: `t${i}`, clientId: `c${i}` }))
          acknowledged.push(turn)
        }
      })()
      while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 1))
      await servers[0]?.crash()
      await expect(appending).rejects.toThrow()
      servers.push(await startRedisServer({ aofDir: dir }))
      const reopened = await RedisSessionStore.connect(servers[1]?.url ?? '')
      opened.push(reopened)
      const turns = (await reopened.getSession('session-1'))?.turns ?? []
      expect(turns.slice(0, acknowledged.length)).toEqual(acknowledged)
      expect(turns.map((t) => t.seq)).toEqual(turns.map((_, i) => i + 1))
    } finally {
      for (const s of servers) await s.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails at connect, without hanging, when nothing listens at REDIS_URL', async () => {
    const url = 'redis://:secret@127.0.0.1:1'
    const failure = RedisSessionStore.connect(url)
    await expect(failure).rejects.toThrow(/Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/)
  })
})
