import { once } from 'node:events'
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { ServerMessageSchema } from '../../../server/protocol/interview-protocol.js'
import { DEFAULT_SOCKET_LIMITS } from '../../../server/ws/socket-guard.js'
import { DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import { anyJson, createRng, encodeFrame, mutate, type Rng } from '../../support/fuzz.js'
import { createTestDeps } from '../../support/test-deps.js'
import { createHttpBrowser, startServer } from './support/ws-harness.js'

/**
 * Issue 11, item 5: 10,000 hostile frames on the interview stream of the real wiring (listen.ts,
 * the guards, the zod schema, the orchestrator): values near each client message's schema,
 * arbitrary JSON, broken JSON and raw bytes. The server must answer each with a message that
 * parses as a ServerMessage, never an `internal` error, never close the socket, and still serve
 * the session afterwards. FUZZ_SEED picks another run of cases; a failure names its seed.
 */

const FRAMES = 10_000
const SEED = Number(process.env.FUZZ_SEED ?? 20261202)

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

function clientMessage(rng: Rng, i: number): unknown {
  if (rng.chance(0.15)) return anyJson(rng)
  const text = rng.pick(['A queue in front of it.', 'Why?', 'Idempotency keys. '.repeat(20)])
  const templates: Record<string, unknown>[] = [
    { type: 'answer', clientId: `c${i}`, text },
    { type: 'clarify', clientId: `q${i}`, text },
    { type: 'skip', clientId: `s${i}` },
    { type: 'resume', afterSeq: rng.int(50) },
    { type: 'ping', nonce: `n${i}` },
  ]
  // An end in the last tenth: the session then refuses turns, a path worth fuzzing too.
  if (i > FRAMES * 0.9 && rng.chance(0.01)) return { type: 'end' }
  return mutate(rng, rng.pick(templates))
}

describe('interview stream fuzz', () => {
  it(`answers ${FRAMES} hostile frames without an internal error, a bad message or a close (seed ${SEED})`, async () => {
    const rng = createRng(SEED)
    const server = await startServer(
      createTestDeps({
        // Past the frame rate and the answer rate the fuzz would only meet those two guards
        // (tested on their own): raised, its answers reach the orchestrator.
        socketLimits: { ...DEFAULT_SOCKET_LIMITS, maxFramesPerSecond: 1e6 },
        quotas: { ...DEFAULT_QUOTAS, answersPerMinute: 1e6 },
      }),
    )
    stops.push(server.stop)
    const browser = createHttpBrowser(server.port)
    // The largest follow-up budget, so the interview runs on rather than closing after five.
    const id = await browser.startSession({
      questionId: 'sample-question',
      mode: 'mock',
      options: { followUpBudget: 20 },
    })
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/sessions/${id}/stream`, {
      headers: { cookie: browser.cookie() },
    })
    const invalid: unknown[] = []
    const errorCodes = new Map<string, number>()
    const pongs = new Set<string>()
    let wake = () => {}
    let closed: { code: number; reason: string } | null = null
    ws.on('message', (data) => {
      const parsed = ServerMessageSchema.safeParse(JSON.parse(String(data)))
      if (!parsed.success) invalid.push(String(data).slice(0, 300))
      else if (parsed.data.type === 'error') {
        errorCodes.set(parsed.data.code, (errorCodes.get(parsed.data.code) ?? 0) + 1)
      } else if (parsed.data.type === 'pong' && parsed.data.nonce) pongs.add(parsed.data.nonce)
      wake()
    })
    ws.on('close', (code, reason) => {
      closed = { code, reason: String(reason) }
      wake()
    })
    await once(ws, 'open')
    /** Waits for the pong of a marker ping: every frame before it has been handled. */
    const sync = async (nonce: string) => {
      ws.send(JSON.stringify({ type: 'ping', nonce }))
      while (!pongs.has(nonce) && !closed) await new Promise<void>((r) => (wake = r))
    }
    for (let i = 0; i < FRAMES; i++) {
      ws.send(encodeFrame(rng, clientMessage(rng, i)))
      if (i % 250 === 249) await sync(`sync-${i}`)
      if (closed) break
    }
    await sync('sync-end')
    expect(closed, `socket closed (seed ${SEED})`).toBeNull()
    expect(invalid, `messages that are not ServerMessages (seed ${SEED})`).toEqual([])
    expect(errorCodes.get('internal'), `internal errors (seed ${SEED})`).toBeUndefined()
    // Refused frames were told why, in the protocol's own codes.
    expect([...errorCodes.keys()].every((c) => /^[a-z_]+(:[a-z_]+)?$/.test(c))).toBe(true)
    ws.close()

    // Still serving: the API answers and the session's stream opens with its snapshot.
    expect((await browser.get('/api/health')).status).toBe(200)
    const again = new WebSocket(`ws://127.0.0.1:${server.port}/api/sessions/${id}/stream`, {
      headers: { cookie: browser.cookie() },
    })
    const [first] = (await once(again, 'message')) as [Buffer]
    expect(ServerMessageSchema.parse(JSON.parse(String(first))).type).toBe('session-state')
    again.close()
  }, 120_000)
})
