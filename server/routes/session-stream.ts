import { upgradeWebSocket } from '@hono/node-server'
import { Hono } from 'hono'
import type { WSEvents } from 'hono/ws'
import { resolveOwnerFromCookieHeader } from '../identity/owner-identity.js'
import { clientAddress } from '../http/rate-limit-middleware.js'
import { createUpgradeOriginGuard, type SiteOrigins } from '../http/site-origin.js'
import { StreamCloseCode } from '../protocol/interview-protocol.js'
import { createSessionConnection, type StreamServices } from '../ws/session-connection.js'
import { runWithRequestId } from '../log/request-context.js'

/**
 * `GET /api/sessions/:id/stream`: the interview's WebSocket. The owner comes from the upgrade
 * request's signed cookie; another owner's session, or an unknown one, gets the same
 * `not_found:session` error frame and close, like the REST 404. `?afterSeq=N` resumes without a
 * snapshot when the messages after N are still in the replay log.
 */
export function createSessionStreamRoutes(
  services: StreamServices & { cookieSecret: string; site: SiteOrigins; trustProxy: boolean },
) {
  return new Hono().get(
    '/:id/stream',
    // A page of another origin never gets a socket (403 before the upgrade).
    createUpgradeOriginGuard(services.site),
    upgradeWebSocket(async (c): Promise<WSEvents> => {
      const sessionId = c.req.param('id') ?? ''
      const owner = resolveOwnerFromCookieHeader(c.req.header('cookie'), services.cookieSecret)
      const session = owner ? await services.store.getSession(sessionId) : null
      if (!session || session.ownerId !== owner) return refuse()
      const raw = c.req.query('afterSeq')
      const afterSeq = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null
      const events = createSessionConnection(services, session, afterSeq, {
        ownerId: session.ownerId,
        address: clientAddress(c, services.trustProxy),
      })
      return withRequestId(events, c.get('requestId') as string | undefined)
    }),
  )
}

/**
 * A socket's events run outside the upgrade request's async context (they come from the
 * socket), so each one is run under the upgrade's request id: the stream's log lines carry it.
 */
function withRequestId(events: WSEvents, requestId: string | undefined): WSEvents {
  if (!requestId) return events
  const wrapped: WSEvents = {}
  for (const key of ['onOpen', 'onMessage', 'onClose', 'onError'] as const) {
    const handler = events[key] as ((...args: unknown[]) => unknown) | undefined
    if (handler) {
      ;(wrapped as Record<string, unknown>)[key] = (...args: unknown[]) =>
        runWithRequestId(requestId, () => handler(...args))
    }
  }
  return wrapped
}

function refuse(): WSEvents {
  return {
    onOpen(_event, ws) {
      // Not the session's stream, so no session seq: 1 is the only message this socket gets.
      const frame = {
        type: 'error',
        seq: 1,
        code: 'not_found:session',
        message: 'Session not found.',
      }
      ws.send(JSON.stringify(frame))
      ws.close(StreamCloseCode.notFound, 'not_found:session')
    },
  }
}
