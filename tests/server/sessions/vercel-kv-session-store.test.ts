import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RedisSessionStore } from '../../../server/sessions/redis-session-store.js'
import type { SessionStore } from '../../../server/sessions/session-store.js'
import { VercelKvSessionStore } from '../../../server/sessions/vercel-kv-session-store.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'
import { startUpstashRestShim, type UpstashRestShim } from '../../support/upstash-rest-shim.js'
import { describeCrossInstanceAppends } from './kv-store-concurrency.js'
import { describeSessionStoreContract } from './session-store-contract.js'

let server: RedisServer
let shim: UpstashRestShim
let prefixes = 0
const opened: SessionStore[] = []

beforeAll(async () => {
  server = await startRedisServer()
  shim = await startUpstashRestShim(server.url)
})

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close()
})

afterAll(async () => {
  await shim?.stop()
  await server?.stop()
})

/** A store over the REST shim on its own key prefix, so each test starts empty. */
function openStore(keyPrefix = `test-${++prefixes}:`, token = shim.token): VercelKvSessionStore {
  const store = VercelKvSessionStore.connect({ url: shim.url, token, keyPrefix, retry: false })
  opened.push(store)
  return store
}

describeSessionStoreContract('VercelKvSessionStore', async () => openStore())

describeCrossInstanceAppends('VercelKvSessionStore', async () => {
  const prefix = `pair-${++prefixes}:`
  return [openStore(prefix), openStore(prefix)]
})

describe('VercelKvSessionStore specifics', () => {
  it('shares one layout with RedisSessionStore: each reads what the other wrote', async () => {
    const kv = openStore('mixed:')
    const redis = await RedisSessionStore.connect(server.url, { keyPrefix: 'mixed:' })
    opened.push(redis)
    await kv.createSession(makeSession())
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? kv : redis).appendTurn(makeTurn({ id: `t${i}`, clientId: `c${i}` })),
      ),
    )
    expect(results.map((r) => r.turn.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    expect(await kv.getSession('session-1')).toEqual(await redis.getSession('session-1'))
  })

  it('round-trips text that looks like base64, JSON or numbers, and unicode', async () => {
    const store = openStore()
    await store.createSession(makeSession())
    for (const text of ['test', '5', '{"a":1}', 'null', 'Grüße, 数据库 🚀', '']) {
      const { turn } = await store.appendTurn(makeTurn({ id: `id-${text}`, text }))
      expect((await store.getSession('session-1'))?.turns.at(-1)).toEqual(turn)
      expect(turn.text).toBe(text)
    }
  })

  it('fails with the API’s error when the token is wrong', async () => {
    const store = openStore(undefined, 'wrong-token')
    await expect(store.getSession('session-1')).rejects.toThrow(/Unauthorized/)
  })
})
