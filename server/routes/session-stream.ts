import { upgradeWebSocket } from '@hono/node-server'
import { Hono } from 'hono'
import type { WSEvents } from 'hono/ws'
import { resolveOwnerFromCookieHeader } from '../identity/owner-identity.js'
import { clientAddress } from '../http/rate-limit-middleware.js'
import { createUpgradeOriginGuard, type SiteOrigins } from '../http/site-origin.js'
import { StreamCloseCode } from '../protocol/interview-protocol.js'
import { createSessionConnection, type StreamServices } from '../ws/session-connection.js'

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
      const owner = await resolveOwnerFromCookieHeader(
        c.req.header('cookie'),
        services.cookieSecret,
      )
      const session = owner ? await services.store.getSession(sessionId) : null
      if (!session || session.ownerId !== owner) return refuse()
      const raw = c.req.query('afterSeq')
      const afterSeq = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null
      return createSessionConnection(services, session, afterSeq, {
        ownerId: session.ownerId,
        address: clientAddress(c, services.trustProxy),
      })
    }),
  )
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
