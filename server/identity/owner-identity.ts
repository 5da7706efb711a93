import type { MiddlewareHandler } from 'hono'
import { setCookie } from 'hono/cookie'
import { readSignedCookie, signCookieValue } from './signed-cookie.js'
import type { AppEnv } from '../http/openapi-hono.js'

/** The cookie that carries the anonymous owner id, signed with the session secret. */
export const OWNER_COOKIE = 'sparring_owner'

/** Browsers cap cookie lifetimes at 400 days; an identity lasts as long as they allow. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60

/** What a stored owner id may look like; anything else is treated as no identity. */
const OWNER_ID = /^[A-Za-z0-9_-]{1,64}$/

export type IdentityOptions = { secret: string; newId: () => string }

/**
 * Sets `ownerId` on every request: the id in a validly signed cookie, or a new id (issued in a
 * fresh cookie) when the cookie is missing, tampered with, or signed with another secret.
 * HttpOnly keeps it from scripts; SameSite=Lax keeps other sites' forms from acting as the owner.
 */
export function createIdentityMiddleware(options: IdentityOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const owner = resolveOwnerFromCookieHeader(c.req.header('cookie'), options.secret)
    if (owner) {
      c.set('ownerId', owner)
    } else {
      const ownerId = options.newId()
      // hono's setSignedCookie format (signed-cookie.ts), without its per-call key import.
      setCookie(c, OWNER_COOKIE, signCookieValue(ownerId, options.secret), {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        maxAge: MAX_AGE_SECONDS,
        // Behind a TLS-terminating proxy the request itself is plain http.
        secure:
          new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
      })
      c.set('ownerId', ownerId)
    }
    await next()
  }
}

/**
 * The owner id of a raw `Cookie` header, or null when there is no validly signed identity.
 * For every request (the middleware above) and the WebSocket upgrade, which is authorised
 * before any Hono middleware runs. Synchronous (signed-cookie.ts).
 */
export function resolveOwnerFromCookieHeader(
  header: string | null | undefined,
  secret: string,
): string | null {
  const value = readSignedCookie(header, OWNER_COOKIE, secret)
  return value !== null && OWNER_ID.test(value) ? value : null
}
