import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import { createBrowser } from '../../support/http-client.js'
import { createTestDeps } from '../../support/test-deps.js'

const start = { questionId: 'sample-question', mode: 'mock' }

describe('rate limits over HTTP', () => {
  it('answers the 11th session in a minute with 429, Retry-After and a message to show', async () => {
    const app = createApp(createTestDeps())
    const alice = createBrowser(app)
    for (let i = 0; i < DEFAULT_QUOTAS.sessionsPerMinute; i++) {
      expect((await alice.post('/api/sessions', start)).status).toBe(201)
    }
    const refused = await alice.post('/api/sessions', start)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(await refused.json()).toEqual({
      error: {
        code: 'rate_limit:sessions',
        message: 'Too many new sessions: at most 10 a minute. Try again in 60 seconds.',
        requestId: expect.any(String),
      },
    })
    // Another identity is not held back by Alice's limit.
    expect((await createBrowser(app).post('/api/sessions', start)).status).toBe(201)
  })

  it('counts forks as new sessions', async () => {
    const app = createApp(createTestDeps({ quotas: { ...DEFAULT_QUOTAS, sessionsPerMinute: 1 } }))
    const alice = createBrowser(app)
    const { id } = (await (await alice.post('/api/sessions', start)).json()) as { id: string }
    const fork = await alice.post(`/api/sessions/${id}/fork`, { uptoSeq: 1 })
    expect(fork.status).toBe(429)
  })

  it('limits gradings per hour across pasted transcripts and sessions', async () => {
    const app = createApp(createTestDeps({ quotas: { ...DEFAULT_QUOTAS, gradingsPerHour: 2 } }))
    const alice = createBrowser(app)
    const transcript = {
      questionId: 'sample-question',
      turns: [{ id: 't1', role: 'candidate', text: 'An idempotency key and a row lock.' }],
    }
    expect((await alice.post('/api/grade', transcript)).status).toBe(200)
    expect((await alice.post('/api/sessions/nope/grade')).status).toBe(404)
    const refused = await alice.post('/api/grade', transcript)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'rate_limit:gradings',
    )
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60)
  })

  it('refuses a pasted transcript larger than a session may be (job size)', async () => {
    const app = createApp(createTestDeps())
    const turns = Array.from({ length: 30 }, (_, i) => ({
      id: `t${i}`,
      role: 'candidate',
      text: 'x'.repeat(15_000),
    }))
    const res = await createBrowser(app).post('/api/grade', {
      questionId: 'sample-question',
      turns,
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'too_large:transcript',
    )
  })
})
