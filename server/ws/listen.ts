import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { WebSocketServer } from 'ws'

/**
 * Largest inbound WebSocket frame: room for a 16,000-character answer in 4-byte UTF-8. A larger
 * frame closes the socket with 1009 (message too big) before it is buffered whole.
 */
export const MAX_FRAME_BYTES = 256 * 1024

type FetchApp = { fetch: (request: Request, env?: unknown) => Response | Promise<Response> }

export type ListeningServer = {
  server: ServerType
  wss: WebSocketServer
  port: number
  /** Cuts every socket and stops listening. */
  close(): Promise<void>
}

/**
 * The HTTP server and its WebSocket server, wired one way for the entry file and for the
 * tests, so a test of the frame cap tests the production wiring.
 */
export async function listen(
  app: FetchApp,
  options: { port: number; hostname: string },
): Promise<ListeningServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const server = serve({
    fetch: app.fetch,
    port: options.port,
    hostname: options.hostname,
    websocket: { server: wss },
  })
  await once(server, 'listening')
  return {
    server,
    wss,
    port: (server.address() as AddressInfo).port,
    close() {
      for (const client of wss.clients) client.terminate()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
