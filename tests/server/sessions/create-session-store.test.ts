import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '../../../server/env.js'
import {
  chooseSessionStore,
  createSessionStoreFromEnv,
} from '../../../server/sessions/create-session-store.js'
import { RedisSessionStore } from '../../../server/sessions/redis-session-store.js'
import type { SessionStore } from '../../../server/sessions/session-store.js'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { VercelKvSessionStore } from '../../../server/sessions/vercel-kv-session-store.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { makeSession } from '../../support/session-fixtures.js'
import { startUpstashRestShim, type UpstashRestShim } from '../../support/upstash-rest-shim.js'

const kv = { KV_REST_API_URL: 'https://kv.example.test', KV_REST_API_TOKEN: 'tok' }

describe('chooseSessionStore', () => {
  it('uses SQLite at DATABASE_PATH (or under DATA_DIR) when nothing else is set', () => {
    expect(chooseSessionStore(parseEnv({ DATA_DIR: 'var' }))).toEqual({
      kind: 'sqlite',
      path: join('var', 'sparring.db'),
    })
    expect(chooseSessionStore(parseEnv({ DATABASE_PATH: '/x.db', REDIS_URL: '' }))).toEqual({
      kind: 'sqlite',
      path: '/x.db',
    })
  })

  it('uses Vercel KV when both of its variables are set, Redis when REDIS_URL is', () => {
    expect(chooseSessionStore(parseEnv(kv))).toEqual({
      kind: 'vercel-kv',
      url: 'https://kv.example.test',
      token: 'tok',
    })
    const both = parseEnv({ ...kv, REDIS_URL: 'rediss://u:p@cache.example.test:6380' })
    expect(chooseSessionStore(both)).toEqual({
      kind: 'redis',
      url: 'rediss://u:p@cache.example.test:6380',
    })
  })

  it('refuses half a Vercel KV configuration and a REDIS_URL that is not one', () => {
    expect(() => chooseSessionStore(parseEnv({ KV_REST_API_URL: kv.KV_REST_API_URL }))).toThrow(
      EnvError,
    )
    expect(() => chooseSessionStore(parseEnv({ KV_REST_API_TOKEN: 'tok' }))).toThrow(
      /must be set together/,
    )
    expect(() => parseEnv({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL/)
  })
})

describe('createSessionStoreFromEnv', () => {
  let server: RedisServer
  let shim: UpstashRestShim
  let dir: string
  const opened: SessionStore[] = []

  beforeAll(async () => {
    server = await startRedisServer()
    shim = await startUpstashRestShim(server.url)
    dir = mkdtempSync(join(tmpdir(), 'sparring-create-store-'))
  })

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close()
  })

  afterAll(async () => {
    await shim?.stop()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  async function open(source: Record<string, string>): Promise<SessionStore> {
    const store = await createSessionStoreFromEnv(parseEnv({ DATA_DIR: dir, ...source }))
    opened.push(store)
    return store
  }

  it('opens a working store of the chosen kind', async () => {
    const cases = [
      [{}, SqliteSessionStore],
      [{ REDIS_URL: server.url }, RedisSessionStore],
      [{ KV_REST_API_URL: shim.url, KV_REST_API_TOKEN: shim.token }, VercelKvSessionStore],
    ] as const
    for (const [source, kind] of cases) {
      const store = await open(source)
      expect(store).toBeInstanceOf(kind)
      const session = makeSession({ id: `made-by-${kind.name}` })
      await store.createSession(session)
      expect(await store.getSession(session.id)).toEqual({ ...session, turns: [] })
    }
  })

  it('fails at start-up when REDIS_URL does not answer', async () => {
    await expect(
      createSessionStoreFromEnv(parseEnv({ REDIS_URL: 'redis://127.0.0.1:1' })),
    ).rejects.toThrow(/Cannot reach Redis/)
  })
})
