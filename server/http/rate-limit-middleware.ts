import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import type { QuotaRefusal, Quotas, Requester } from '../limits/quotas.js'
import { AppError } from './app-error.js'
import type { AppEnv } from './openapi-hono.js'

/** A 429 whose Retry-After header app.onError sets. */
export class RateLimitError extends AppError {
  constructor(readonly refusal: QuotaRefusal) {
    super(429, refusal.code, refusal.message)
  }
}

/**
 * The client's address: the socket's peer, or with TRUST_PROXY the first X-Forwarded-For hop
 * (only behind a proxy that sets it; otherwise a client could pick its own address).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // In-process requests (app.request in tests) have no socket.
    return 'unknown'
  }
}

export const requesterOf = (c: Context<AppEnv>, trustProxy: boolean): Requester => ({
  ownerId: c.get('ownerId'),
  address: clientAddress(c, trustProxy),
})

/** Counts the request against a rate limit of its identity and address; 429 past it. */
export function rateLimit(
  quotas: Quotas,
  name: 'sessions' | 'gradings',
  trustProxy: boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const result = await quotas.take(name, requesterOf(c, trustProxy))
    if (!result.ok) throw new RateLimitError(result)
    await next()
  }
}

/** Holds one of the identity's concurrent grading slots while the request runs. */
export function gradingSlot(quotas: Quotas, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slot = await quotas.acquireGrading(requesterOf(c, trustProxy))
    if (!slot.ok) throw new RateLimitError(slot)
    try {
      await next()
    } finally {
      await slot.release()
    }
  }
}

/** Refuses a grading with an LLM grader once the identity's daily token budget is spent. */
export function tokenBudget(quotas: Quotas): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const result = await quotas.checkTokens(c.get('ownerId'))
    if (!result.ok) throw new RateLimitError(result)
    await next()
  }
}
