import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Security headers on every response (the app, the API, share pages). The CSP allows scripts
 * from this origin only, never inline or eval'd; styles may be inline because React style
 * attributes and mermaid's SVGs use them, and they run no code. `connect-src 'self'` covers the
 * interview's WebSocket on the same host. frame-ancestors 'none' (and X-Frame-Options) stop
 * framing, nosniff stops content sniffing, and share links do not leak through Referer.
 */
export function createSecurityHeaders(options: { https: boolean }): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Only over https: a browser ignores it on plain http anyway, and it must not pin a dev host.
    strictTransportSecurity: options.https ? 'max-age=15552000; includeSubDomains' : false,
  })
}
