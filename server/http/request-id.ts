import type { MiddlewareHandler } from 'hono'
import { requestId } from 'hono/request-id'
import { runWithRequestId } from '../log/request-context.js'

/**
 * Every request gets an id (hono's requestId middleware): a proxy's X-Request-Id when it is a
 * plain token of at most 64 characters, else a random UUID. It is sent back as X-Request-Id and
 * in every error body, and everything the request does (its grading and its WebSocket's frames
 * included) logs with it, so a user who reports it leads the operator to the log lines.
 */
export function createRequestIds(options: { logRequests: boolean }): MiddlewareHandler {
  const assign = requestId({ limitLength: 64 })
  return (c, next) =>
    assign(c, () =>
      runWithRequestId(c.get('requestId') as string, async () => {
        const started = performance.now()
        await next()
        // One line per API request, for the operator (main.ts turns it on).
        if (options.logRequests && c.req.path.startsWith('/api/')) {
          const ms = Math.round(performance.now() - started)
          console.info(`${c.req.method} ${c.req.path} ${c.res.status} ${ms} ms`)
        }
      }),
    )
}
