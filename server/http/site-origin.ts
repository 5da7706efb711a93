import type { Context, MiddlewareHandler } from 'hono'
import { AppError } from './app-error.js'

/** Where the site is served from, as the server should trust it. */
export type SiteOrigins = {
  /** PUBLIC_URL: the address users open. Share links are built from it. */
  publicUrl: string | null
  /** ALLOWED_ORIGINS: further origins whose pages may call the API (e.g. a separate front end). */
  allowedOrigins: readonly string[]
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Whether a browser's `Origin` is the site's own: PUBLIC_URL's origin when set, otherwise the
 * origin this request was sent to (its Host, with https when a proxy says so), plus the
 * allowlist. A page on another port of the same host is another origin, though the same site:
 * its SameSite=Lax cookie still comes along, which is why the origin is checked at all.
 */
export function isSiteOrigin(origin: string, c: Context, site: SiteOrigins): boolean {
  if (site.allowedOrigins.includes(origin)) return true
  if (site.publicUrl) return origin === new URL(site.publicUrl).origin
  const served = new URL(c.req.url)
  if (origin === served.origin) return true
  return c.req.header('x-forwarded-proto') === 'https' && origin === `https://${served.host}`
}

function refuse(origin: string): AppError {
  return new AppError(
    403,
    'forbidden:origin',
    `Refused: this request came from a page of another origin (${origin}).`,
  )
}

/**
 * State-changing API requests only from the site's own pages. Browsers say where a request
 * comes from with Sec-Fetch-Site and Origin (also on a no-cors POST with no body); a request
 * with neither comes from no browser (curl, the CLI), carries no victim's cookie, and passes.
 */
export function createSameOriginGuard(site: SiteOrigins): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const origin = c.req.header('origin')
    if (origin !== undefined && site.allowedOrigins.includes(origin)) return next()
    const fetchSite = c.req.header('sec-fetch-site')
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw refuse(origin ?? fetchSite)
    }
    if (origin !== undefined && !isSiteOrigin(origin, c, site)) throw refuse(origin)
    return next()
  }
}

/**
 * The WebSocket upgrade only from the site's own pages: browsers always send Origin with it,
 * and a page elsewhere must not open a stream with the candidate's cookie (cross-site
 * WebSocket hijacking). Refused with 403 before the upgrade, so no socket ever opens.
 */
export function createUpgradeOriginGuard(site: SiteOrigins): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (origin !== undefined && !isSiteOrigin(origin, c, site)) {
      const error = { code: 'forbidden:origin', message: refuse(origin).message }
      return c.json({ error: { ...error, requestId: c.get('requestId') as string } }, 403)
    }
    return next()
  }
}
