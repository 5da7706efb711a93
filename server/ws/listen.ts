import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer, type ServerType } from '@hono/node-server'
import { WebSocketServer } from 'ws'

/**
 * Largest inbound WebSocket frame: room for a 16,000-character answer in 4-byte UTF-8. A larger
 * frame closes the socket with 1009 (message too big) before it is buffered whole.
 */
export const MAX_FRAME_BYTES = 256 * 1024

/**
 * Connections the kernel may queue for the server to accept (capped by net.core.somaxconn).
 * Node's default, 511, overflowed when about a thousand clients connected at once while the
 * event loop was busy (bench:stream at 5 tokens/s, N = 1,020: 912 SYNs dropped by the full
 * queue); each dropped client retried in TCP's backoff (1, 2, 4 ... 64 s), so the server sat idle
 * for a minute and a half while every one of them waited, and the level lost every reply.
 */
export const LISTEN_BACKLOG = 4096

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
  const server = createAdaptorServer({
    fetch: app.fetch,
    hostname: options.hostname,
    websocket: { server: wss },
  })
  server.listen({ port: options.port, host: options.hostname, backlog: LISTEN_BACKLOG })
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
