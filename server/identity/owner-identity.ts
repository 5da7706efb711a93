import type { MiddlewareHandler } from 'hono'
import { getSignedCookie, setSignedCookie } from 'hono/cookie'
import { parseSigned } from 'hono/utils/cookie'
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
    const signed = await getSignedCookie(c, options.secret, OWNER_COOKIE)
    if (typeof signed === 'string' && OWNER_ID.test(signed)) {
      c.set('ownerId', signed)
    } else {
      const ownerId = options.newId()
      await setSignedCookie(c, OWNER_COOKIE, ownerId, options.secret, {
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
 * For the WebSocket upgrade, which is authorised before any Hono middleware runs.
 */
export async function resolveOwnerFromCookieHeader(
  header: string | null | undefined,
  secret: string,
): Promise<string | null> {
  if (!header) return null
  const value = (await parseSigned(header, secret, OWNER_COOKIE))[OWNER_COOKIE]
  return typeof value === 'string' && OWNER_ID.test(value) ? value : null
}
