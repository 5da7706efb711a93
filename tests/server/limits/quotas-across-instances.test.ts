import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import { RedisSessionStore } from '../../../server/sessions/redis-session-store.js'
import { createCookieClient } from '../../support/http-client.js'
import { RecordingGrader } from '../../support/recording-grader.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { createCounterIds, createTestDeps } from '../../support/test-deps.js'

/**
 * Issue 11, item 2: rate limits and quotas are counted in the session store's backend, so they
 * hold across instances. Two apps (two instances behind one load balancer) on one real Redis,
 * each with its own connection; one browser whose requests alternate between them. A counter
 * kept in either process would let it do twice the limit.
 */

let redis: RedisServer
let prefixes = 0
const stores: RedisSessionStore[] = []
beforeAll(async () => {
  redis = await startRedisServer()
})
afterAll(async () => {
  for (const store of stores) await store.close()
  await redis?.stop()
})

async function twoInstances(overrides: Parameters<typeof createTestDeps>[0] = {}) {
  const keyPrefix = `quotas-${++prefixes}:`
  const apps = await Promise.all(
    ['a', 'b'].map(async (instance) => {
      const store = await RedisSessionStore.connect(redis.url, { keyPrefix })
      stores.push(store)
      // Ids unique across the two, as randomUUID makes them.
      return createApp(createTestDeps({ ...overrides, store, newId: createCounterIds(instance) }))
    }),
  )
  let n = 0
  /** Each request goes to the other instance than the one before. */
  const browser = createCookieClient(async (path, init) => apps[n++ % 2]!.request(path, init))
  return { apps, browser }
}

const start = { questionId: 'sample-question', mode: 'mock' }

describe('quotas across instances (Redis)', () => {
  it('refuses the session past SESSIONS_PER_MINUTE whichever instance took the others', async () => {
    const { browser } = await twoInstances({ quotas: { ...DEFAULT_QUOTAS, sessionsPerMinute: 3 } })
    // The first request only gets the cookie, so the sessions alternate too.
    await browser.get('/api/health')
    for (let i = 0; i < 3; i++)
      expect((await browser.post('/api/sessions', start)).status).toBe(201)
    const refused = await browser.post('/api/sessions', start)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).not.toBeNull()
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'rate_limit:sessions',
    )
  })

  it('holds CONCURRENT_GRADINGS across instances: a grading running on one refuses one on the other', async () => {
    const grader = new RecordingGrader('offline')
    const { browser } = await twoInstances({
      offlineGrader: grader,
      quotas: { ...DEFAULT_QUOTAS, concurrentGradings: 1 },
    })
    await browser.get('/api/health')
    const transcript = {
      questionId: 'sample-question',
      turns: [{ id: 't1', role: 'candidate', text: 'An idempotency key and a row lock.' }],
    }
    grader.hold()
    const running = browser.post('/api/grade', transcript)
    while (grader.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const refused = await browser.post('/api/grade', transcript)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'rate_limit:concurrent_gradings',
    )
    grader.release()
    expect((await running).status).toBe(200)
    // The slot is given back in the shared counter: the other instance may grade now.
    expect((await browser.post('/api/grade', transcript)).status).toBe(200)
  })
})
