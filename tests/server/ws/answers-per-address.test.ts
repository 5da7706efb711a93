import { once } from 'node:events'
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import {
  ServerMessageSchema,
  type ServerMessage,
} from '../../../server/protocol/interview-protocol.js'
import { createTestDeps } from '../../support/test-deps.js'
import { createHttpBrowser, startServer } from './support/ws-harness.js'

/**
 * Issue 11, item 2: answers per minute are limited per client address as well as per identity,
 * so fresh cookies from one address cannot multiply the rate. The socket's address must be the
 * real peer's: two loopback addresses (127.0.0.1 and 127.0.0.2) are two networks here, and one
 * of them running out leaves the other alone (a socket whose address read as "unknown" would
 * share one bucket with every client).
 */

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

/** A fresh identity answers once from `localAddress`; resolves with the reply to its answer. */
async function answerOnce(port: number, localAddress: string): Promise<ServerMessage> {
  const browser = createHttpBrowser(port)
  const id = await browser.startSession({ questionId: 'sample-question', mode: 'mock' })
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/sessions/${id}/stream`, {
    headers: { cookie: browser.cookie() },
    localAddress,
  })
  const messages: ServerMessage[] = []
  let wake = () => {}
  ws.on('message', (data) => {
    messages.push(ServerMessageSchema.parse(JSON.parse(String(data))))
    wake()
  })
  const next = async (match: (m: ServerMessage) => boolean) => {
    for (;;) {
      const found = messages.find(match)
      if (found) return found
      await new Promise<void>((resolve) => (wake = resolve))
    }
  }
  await once(ws, 'open')
  await next((m) => m.type === 'turn-end' && m.turn.kind === 'question')
  ws.send(JSON.stringify({ type: 'answer', clientId: 'a1', text: 'A queue in front of it.' }))
  const reply = await next(
    (m) => m.type === 'error' || (m.type === 'turn-start' && m.turn.role === 'candidate'),
  )
  ws.close()
  return reply
}

describe('answers per minute per client address', () => {
  it('refuses a third fresh identity from one address, not one from another address', async () => {
    const server = await startServer(
      createTestDeps({ quotas: { ...DEFAULT_QUOTAS, answersPerMinute: 1, addressFactor: 2 } }),
    )
    stops.push(server.stop)
    expect((await answerOnce(server.port, '127.0.0.1')).type).toBe('turn-start')
    expect((await answerOnce(server.port, '127.0.0.1')).type).toBe('turn-start')
    const third = await answerOnce(server.port, '127.0.0.1')
    expect(third).toMatchObject({ type: 'error', code: 'rate_limit:answers' })
    if (third.type === 'error') {
      expect(third.message).toMatch(/^Too many answers from your network: at most 2 a minute/)
    }
    expect((await answerOnce(server.port, '127.0.0.2')).type).toBe('turn-start')
  })
})
