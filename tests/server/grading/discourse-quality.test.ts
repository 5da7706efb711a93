import { describe, expect, it } from 'vitest'
import { measureDiscourse } from '../../../server/grading/discourse-quality.js'

describe('measureDiscourse', () => {
  it('rates explanatory prose fully', () => {
    const prose = measureDiscourse(
      'I would add an idempotency key to every charge, because a retry after a timeout would otherwise charge the customer twice.',
    )
    expect(prose.quality).toBe(1)
    expect(prose.functionWordRatio).toBeGreaterThan(0.3)
  })

  it('rates a bare keyword list near zero', () => {
    expect(
      measureDiscourse(
        'idempotency keys, stripe, retries, outbox pattern, canary rollout, reconciliation',
      ).quality,
    ).toBe(0)
  })

  it('rates repeated keywords low even with some glue words', () => {
    const stuffed = Array.from({ length: 20 }, () => 'cache and redis and ttl').join(' ')
    expect(measureDiscourse(stuffed).diversity).toBeLessThan(0.3)
    expect(measureDiscourse(stuffed).quality).toBe(0)
  })

  it('ignores code blocks', () => {
    const withCode = 'I would batch the queries with a loader.\n```js\nconst a=b.c(d,e,f,g,h)\n```'
    expect(measureDiscourse(withCode).words).toBe(8)
  })
})
