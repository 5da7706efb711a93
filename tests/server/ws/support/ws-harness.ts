import { once } from 'node:events'
import WebSocket from 'ws'
import { createApp, type AppDeps } from '../../../../server/app.js'
import { listen } from '../../../../server/ws/listen.js'
import {
  ServerMessageSchema,
  type ServerMessage,
} from '../../../../server/protocol/interview-protocol.js'
import { createCookieClient } from '../../../support/http-client.js'

/** A real server on 127.0.0.1, port 0, wired as main.ts wires it (server/ws/listen.ts). */
export async function startServer(deps: AppDeps) {
  const listening = await listen(createApp(deps), { port: 0, hostname: '127.0.0.1' })
  return { port: listening.port, stop: () => listening.close() }
}

/** A browser over real HTTP: keeps the identity cookie the server sets on its first response. */
export function createHttpBrowser(port: number) {
  const browser = createCookieClient((path, init) => fetch(`http://127.0.0.1:${port}${path}`, init))
  return {
    ...browser,
    /** Starts a session and returns its id. */
    async startSession(body: Record<string, unknown>): Promise<string> {
      if (!browser.cookie()) await browser.get('/api/health')
      const res = await browser.post('/api/sessions', body)
      if (res.status !== 201) throw new Error(`start session: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { id: string }).id
    },
  }
}

export type TestSocket = Awaited<ReturnType<typeof openSocket>>

/**
 * A `ws` client that validates and records every server message, and waits for the ones a test
 * expects. Every message must parse with ServerMessageSchema: the protocol is tested too. A server
 * in a fresh child process answers its first turns slower (its workers load and warm up), so such
 * tests give a longer waitMs than the in-process default.
 */
export async function openSocket(
  port: number,
  path: string,
  cookie: string,
  { waitMs = 10_000 }: { waitMs?: number } = {},
) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers: cookie ? { cookie } : {} })
  const messages: ServerMessage[] = []
  const waiters: Array<() => void> = []
  const invalid: unknown[] = []
  ws.on('message', (data) => {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(String(data)))
    if (parsed.success) messages.push(parsed.data)
    else invalid.push(JSON.parse(String(data)))
    for (const w of waiters.splice(0)) w()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  )
  await once(ws, 'open')

  /** Resolves with the first message (from index `from`) that matches, or rejects after waitMs. */
  async function waitFor<T extends ServerMessage['type']>(
    type: T,
    match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    from = 0,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + waitMs
    for (;;) {
      const found = messages
        .slice(from)
        .find((m): m is Extract<ServerMessage, { type: T }> => m.type === type && match(m as never))
      if (found) return found
      if (invalid.length > 0)
        throw new Error(`invalid server message: ${JSON.stringify(invalid[0])}`)
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${type}; got ${messages.map((m) => m.type).join(',')}`,
        )
      }
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
  }

  return {
    ws,
    messages,
    invalid,
    closed,
    waitFor,
    send: (message: unknown) => ws.send(JSON.stringify(message)),
    sendRaw: (data: string | Buffer) => ws.send(data),
    close: () => ws.close(),
  }
}
