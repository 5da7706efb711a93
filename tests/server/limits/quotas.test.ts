import { describe, expect, it } from 'vitest'
import { createQuotas, DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import { createTestClock } from '../../support/test-deps.js'

function setup(settings = {}, start = '2026-01-01T09:00:30.000Z') {
  const clock = createTestClock(start)
  const store = new MemorySessionStore(() => clock.now().getTime())
  const quotas = createQuotas({
    counters: store,
    settings: { ...DEFAULT_QUOTAS, ...settings },
    now: () => clock.now().getTime(),
  })
  return { clock, quotas }
}

describe('quotas', () => {
  it('allows a rate up to its limit per window, then refuses with the wait until the next', async () => {
    const { clock, quotas } = setup({ sessionsPerMinute: 3 })
    const who = { ownerId: 'alice', address: '10.0.0.1' }
    for (let i = 0; i < 3; i++) expect((await quotas.take('sessions', who)).ok).toBe(true)
    const refused = await quotas.take('sessions', who)
    expect(refused).toEqual({
      ok: false,
      code: 'rate_limit:sessions',
      message: 'Too many new sessions: at most 3 a minute. Try again in 30 seconds.',
      retryAfterSeconds: 30,
    })
    clock.advance(30_000)
    expect((await quotas.take('sessions', who)).ok).toBe(true)
  })

  it('limits a client address to the factor times an identity, whatever the identities', async () => {
    const { quotas } = setup({ sessionsPerMinute: 2, addressFactor: 3 })
    const results = []
    for (let i = 0; i < 7; i++) {
      results.push((await quotas.take('sessions', { ownerId: `fresh-${i}`, address: 'a' })).ok)
    }
    expect(results).toEqual([true, true, true, true, true, true, false])
    const refused = await quotas.take('sessions', { ownerId: 'another', address: 'a' })
    expect(refused.ok || refused.message).toMatch(/from your network: at most 6 a minute/)
    expect((await quotas.take('sessions', { ownerId: 'another', address: 'b' })).ok).toBe(true)
  })

  it('holds concurrent gradings to the limit and frees a slot on release', async () => {
    const { quotas } = setup({ concurrentGradings: 2 })
    const who = { ownerId: 'alice', address: 'a' }
    const first = await quotas.acquireGrading(who)
    const second = await quotas.acquireGrading(who)
    const third = await quotas.acquireGrading(who)
    expect([first.ok, second.ok, third.ok]).toEqual([true, true, false])
    if (first.ok) await first.release()
    expect((await quotas.acquireGrading(who)).ok).toBe(true)
  })

  it('refuses LLM turns once the day’s token budget is spent, until the next UTC day', async () => {
    const { clock, quotas } = setup({ llmDailyTokenBudget: 1000 }, '2026-01-01T23:45:00.000Z')
    expect((await quotas.checkTokens('alice')).ok).toBe(true)
    await quotas.chargeTokens('alice', 600)
    expect((await quotas.checkTokens('alice')).ok).toBe(true)
    await quotas.chargeTokens('alice', 600)
    const spent = await quotas.checkTokens('alice')
    expect(spent.ok || spent.code).toBe('quota:llm_tokens')
    expect(spent.ok || spent.message).toMatch(
      /budget of 1,000 tokens is spent. Try again in 15 minutes/,
    )
    expect((await quotas.checkTokens('bob')).ok).toBe(true)
    clock.advance(15 * 60_000)
    expect((await quotas.checkTokens('alice')).ok).toBe(true)
  })
})
