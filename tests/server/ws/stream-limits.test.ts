import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { DEFAULT_SESSION_LIMITS } from '../../../server/interview/session-limits.js'
import { MAX_FRAME_BYTES } from '../../../server/ws/listen.js'
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from '../../../server/ws/socket-guard.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import type { TestDeps } from '../../support/test-deps.js'
import { createTestDeps } from '../../support/test-deps.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import { createHttpBrowser, openSocket, startServer } from './support/ws-harness.js'

const question = loadTimeBombQuestion()

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()))
  stops = []
})

async function setup(overrides: Partial<TestDeps> = {}) {
  const deps = createTestDeps({ bank: new QuestionBank([question]), ...overrides })
  const server = await startServer(deps)
  stops.push(server.stop)
  const browser = createHttpBrowser(server.port)
  const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
  return { deps, server, browser, id, path: `/api/sessions/${id}/stream` }
}

/** Makes the session's snapshot about `bytes` long by storing clarifying questions directly. */
async function growSession(deps: TestDeps, id: string, bytes: number) {
  const chunk = 'x'.repeat(16_000)
  for (let i = 0; i * chunk.length < bytes; i++) {
    await deps.store.appendTurn({
      id: `big-${i}`,
      sessionId: id,
      role: 'candidate',
      kind: 'clarifying-question',
      text: chunk,
      clientId: `big-${i}`,
      createdAt: deps.clock().toISOString(),
      completedAt: deps.clock().toISOString(),
      target: null,
      hiddenNotes: null,
      provider: null,
      model: null,
      usage: null,
      leaksCaught: 0,
    })
  }
}

const closedWith = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  )

describe('stream limits', () => {
  it('closes a socket that sends a frame over the cap with 1009, through the production wiring', async () => {
    const { server, browser, path } = await setup()
    const socket = await openSocket(server.port, path, browser.cookie())
    await socket.waitFor('session-state')
    socket.sendRaw('x'.repeat(MAX_FRAME_BYTES + 1))
    expect((await socket.closed).code).toBe(1009)
  })

  it('closes a socket past the frame rate with 4429 and a reason to show', async () => {
    const { server, browser, path } = await setup()
    const socket = await openSocket(server.port, path, browser.cookie())
    await socket.waitFor('session-state')
    for (let i = 0; i < DEFAULT_SOCKET_LIMITS.maxFramesPerSecond * 3; i++) {
      socket.send({ type: 'ping', nonce: String(i) })
    }
    const closed = await socket.closed
    expect(closed.code).toBe(4429)
    expect(closed.reason).toMatch(/^rate_limit:frames: More than 20 messages a second/)
    // What was admitted before the limit was answered.
    expect(socket.messages.filter((m) => m.type === 'pong').length).toBeLessThanOrEqual(20)
  })

  it('closes a socket whose unsent bytes would pass the cap with 4413 and a reason to show', async () => {
    const limits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, maxUnsentBytes: 200_000 }
    const { deps, server, browser, path, id } = await setup({ socketLimits: limits })
    await growSession(deps, id, 300_000)
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, {
      headers: { cookie: browser.cookie() },
    })
    const closed = await closedWith(ws)
    expect(closed.code).toBe(4413)
    expect(closed.reason).toMatch(/^too_slow: The connection fell too far behind/)
  })

  it('coalesces resumes while a snapshot is unsent: a reader that stops reading gets one copy', async () => {
    const limits: SocketLimits = {
      ...DEFAULT_SOCKET_LIMITS,
      maxUnsentBytes: 512 * 1024 * 1024,
      maxFramesPerSecond: 1000,
    }
    const { deps, server, browser, path, id } = await setup({ socketLimits: limits })
    // Larger than the loopback socket buffers, so the snapshot stays queued in the server.
    await growSession(deps, id, 8 * 1024 * 1024)
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, {
      headers: { cookie: browser.cookie() },
    })
    await once(ws, 'open')
    ws.pause()
    for (let i = 0; i < 40; i++) ws.send(JSON.stringify({ type: 'resume', afterSeq: 0 }))
    await new Promise((resolve) => setTimeout(resolve, 500))
    let snapshots = 0
    ws.on('message', (data) => {
      if (String(data).startsWith('{"type":"session-state"')) snapshots += 1
    })
    ws.resume()
    ws.send(JSON.stringify({ type: 'ping', nonce: 'last' }))
    await new Promise<void>((resolve) =>
      ws.on('message', (data) => (String(data).includes('"nonce":"last"') ? resolve() : undefined)),
    )
    ws.close()
    // Without coalescing: 41 snapshots of 8 MB. One while unsent, and at most one more once
    // the first has gone out.
    expect(snapshots).toBeGreaterThanOrEqual(1)
    expect(snapshots).toBeLessThanOrEqual(2)
  })

  it('refuses clarifying questions past the session cap with a clear error', async () => {
    const sessionLimits = {
      ...DEFAULT_SESSION_LIMITS,
      maxCandidateTurns: { ...DEFAULT_SESSION_LIMITS.maxCandidateTurns, clarify: 2 },
    }
    const { server, browser, path } = await setup({ sessionLimits })
    const socket = await openSocket(server.port, path, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    for (const n of [1, 2]) {
      socket.send({ type: 'clarify', clientId: `c${n}`, text: 'How many users?' })
      await socket.waitFor('turn-end', (m) => m.turn.kind === 'clarification' && m.seq > n)
      await waitIdle(socket, n)
    }
    socket.send({ type: 'clarify', clientId: 'c3', text: 'And how many writes?' })
    const refused = await socket.waitFor('error')
    expect(refused.code).toBe('limit:clarifications')
    expect(refused.message).toBe(
      'This interview allows at most 2 clarifying questions. End the interview to have it graded.',
    )
    // Answers still go through.
    socket.send({ type: 'answer', clientId: 'a1', text: 'A monolith first, for a small team.' })
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
  })

  it('refuses a turn that would take the transcript past its size cap', async () => {
    const sessionLimits = { ...DEFAULT_SESSION_LIMITS, maxTranscriptChars: 10_000 }
    const { server, browser, path } = await setup({ sessionLimits })
    const socket = await openSocket(server.port, path, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'answer', clientId: 'a1', text: 'y '.repeat(8_000) })
    const refused = await socket.waitFor('error')
    expect(refused.code).toBe('limit:transcript')
    expect(refused.message).toMatch(/limit of 10,000 characters\. End the interview/)
  })
})

/** Waits until the n-th clarification has ended (the session is free for the next command). */
async function waitIdle(socket: Awaited<ReturnType<typeof openSocket>>, n: number) {
  await socket.waitFor(
    'turn-end',
    () =>
      socket.messages.filter((m) => m.type === 'turn-end' && m.turn.kind === 'clarification')
        .length >= n,
  )
}

describe('answers per minute', () => {
  it('refuses answers past the rate with rate_limit:answers and says when to retry', async () => {
    const { DEFAULT_QUOTAS } = await import('../../../server/limits/quotas.js')
    const { server, browser, path } = await setup({
      quotas: { ...DEFAULT_QUOTAS, answersPerMinute: 1 },
    })
    const socket = await openSocket(server.port, path, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'answer', clientId: 'a1', text: 'A monolith first, for a small team.' })
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    socket.send({ type: 'answer', clientId: 'a2', text: 'And a queue for notifications.' })
    const refused = await socket.waitFor('error')
    expect(refused.code).toBe('rate_limit:answers')
    expect(refused.message).toMatch(
      /^Too many answers: at most 1 a minute\. Try again in \d+ seconds\.$/,
    )
  })
})
