import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../server/protocol/interview-protocol.js'
import type { Turn } from '../../server/sessions/session-schema.js'
import { createCookieClient } from '../support/http-client.js'
import { startFakeLlmServer, type FakeLlmServer } from '../support/fake-llm-server.js'
import { startRedisServer } from '../support/redis-server.js'
import { startServerProcess, type ServerProcess } from '../support/server-process.js'
import { startUpstashRestShim } from '../support/upstash-rest-shim.js'
import { openSocket, type TestSocket } from './ws/support/ws-harness.js'
import { until } from '../support/until.js'

/**
 * Issue 12, item 4: several real server processes (server/main.ts) on one real backend. A client
 * interviews on A; A is killed (SIGKILL) while the model is mid-reply; the client reconnects to B,
 * which takes the turn over when A's lease runs out and the interview finishes there. Then a
 * grading is started on C, C is killed while its grader waits on the model, and B finishes it.
 */

const QUESTION_ID = 'the-architectural-time-bomb'
// Long enough that a renewal is not starved by a busy event loop on a loaded CI machine (building
// an interview context holds it for a second or more there); short enough to keep the test quick.
const LEASE_TTL_MS = 4000
const ANSWERS = [
  'I would pick the monolith first because the team is small, and measure p95 latency and cost per notification from day one.',
  'Hidden costs: the operational overhead of running microservices, hiring for a rare stack, and the on-call load on a team of five.',
  'If it proves wrong, the fallback is a migration path: peel the delivery module off into a service behind the same queue.',
]
const REPLIES = [
  'You picked the monolith for a small team. Which number on your dashboard would tell you, within the first month, that this choice is starting to hurt?',
  'You named the on-call load as a hidden cost. How would you measure it before it burns the team out, and what would you change first when it grows?',
  'Suppose the delivery module must leave the monolith next quarter. What do you move first, and how do you keep notifications flowing during the cut-over?',
  // Four requests in all (A's cut turn is asked again by B): four different questions, since
  // the interviewer drops a question the session already asked.
  'Your deploys now take twenty minutes. Which part of the pipeline do you shorten first, and how do you show the team it worked?',
]

type Backend = {
  name: string
  start(): Promise<{ env: Record<string, string>; stop(): Promise<void> }>
}

const BACKENDS: Backend[] = [
  {
    name: 'redis-server',
    async start() {
      const redis = await startRedisServer()
      return { env: { REDIS_URL: redis.url }, stop: () => redis.stop() }
    },
  },
  {
    name: 'Vercel KV (the Upstash REST shim on redis-server)',
    async start() {
      const redis = await startRedisServer()
      const shim = await startUpstashRestShim(redis.url, 'multi-instance-token')
      return {
        env: { KV_REST_API_URL: shim.url, KV_REST_API_TOKEN: shim.token, KV_STREAM_POLL_MS: '50' },
        stop: async () => {
          await shim.stop()
          await redis.stop()
        },
      }
    },
  },
]

let cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

/** Messages every socket of the session sees; each takes the next seq. */
const isBroadcast = (m: ServerMessage) => !['session-state', 'pong', 'error'].includes(m.type)

/**
 * What a client following these messages in order would show, as the web client's reducer
 * builds it: turn-start and turn-end put the turn (a re-streamed turn starts over), deltas append,
 * a revision replaces the streamed text. A session-state replaces everything.
 */
function replayTranscript(messages: ServerMessage[]): Map<string, { text: string; done: boolean }> {
  const turns = new Map<string, { text: string; done: boolean }>()
  for (const m of messages) {
    if (m.type === 'session-state') {
      turns.clear()
      for (const t of m.turns) turns.set(t.id, { text: t.text, done: t.completedAt !== null })
    } else if (m.type === 'turn-start' || m.type === 'turn-end') {
      turns.set(m.turn.id, { text: m.turn.text, done: m.turn.completedAt !== null })
    } else if (m.type === 'token-delta') {
      const turn = turns.get(m.turnId)
      if (turn && !turn.done) turn.text += m.text
    } else if (m.type === 'turn-revise') {
      const turn = turns.get(m.turnId)
      if (turn && !turn.done) turn.text = m.text
    }
  }
  return turns
}

/** Seqs a client saw over its sockets, in order: a snapshot sets the count, then +1 each. */
function seqProblems(messages: ServerMessage[]): string[] {
  const problems: string[] = []
  let last: number | null = null
  for (const m of messages) {
    if (m.type === 'session-state') last = m.seq
    else if (isBroadcast(m)) {
      if (last !== null && m.seq !== last + 1) problems.push(`${m.type} seq ${m.seq} after ${last}`)
      last = m.seq
    }
  }
  return problems
}

/**
 * The first message of `type` from index `from` that matches. Up to a minute: three servers and
 * a test share two cores in CI, where one turn can take seconds.
 */
function next<T extends ServerMessage['type']>(
  socket: TestSocket,
  type: T,
  match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
  from = 0,
) {
  return until(`${type} (got ${socket.messages.map((m) => m.type).join(',')})`, () =>
    socket.messages
      .slice(from)
      .find((m): m is Extract<ServerMessage, { type: T }> => m.type === type && match(m as never)),
  )
}

describe.each(BACKENDS)('several server processes on $name', (backendKind) => {
  it('finishes on B an interview whose instance died mid-turn, and a grading whose instance died', async () => {
    const backend = await backendKind.start()
    cleanups.push(() => backend.stop())
    const llm: FakeLlmServer = await startFakeLlmServer({
      reply: (n) => REPLIES[n % REPLIES.length]!,
      wordDelayMs: 60,
    })
    cleanups.push(() => llm.stop())
    const dataDir = mkdtempSync(join(tmpdir(), 'sparring-multi-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const instance = async (name: string) => {
      const server = await startServerProcess({
        ...backend.env,
        DATA_DIR: dataDir,
        WEB_DIST_DIR: dataDir,
        SESSION_SECRET: 'multi-instance-test-secret-0123456789abcdef',
        SESSION_LEASE_TTL_MS: String(LEASE_TTL_MS),
        OPENAI_API_KEY: 'sk-multi-instance-test',
        OPENAI_BASE_URL: llm.baseUrl(name),
        LLM_MAX_RETRIES: '0',
      })
      cleanups.push(() => server.stop())
      return server
    }
    const [a, b] = await Promise.all([instance('a'), instance('b')])

    // One browser: its cookie is signed with the shared secret, so every instance knows it.
    let port = a.port
    const browser = createCookieClient((path, init) =>
      fetch(`http://127.0.0.1:${port}${path}`, init),
    )
    await browser.get('/api/health')
    const created = await browser.post('/api/sessions', {
      questionId: QUESTION_ID,
      mode: 'mock',
      options: { followUpBudget: 3 },
    })
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { id: string }).id
    const sockets: TestSocket[] = []
    const connect = async (server: ServerProcess, afterSeq?: number) => {
      const query = afterSeq === undefined ? '' : `?afterSeq=${afterSeq}`
      const socket = await openSocket(
        server.port,
        `/api/sessions/${id}/stream${query}`,
        browser.cookie(),
      )
      cleanups.push(() => socket.close())
      sockets.push(socket)
      return socket
    }
    const answer = async (socket: TestSocket, i: number) => {
      const from = socket.messages.length
      socket.send({ type: 'answer', clientId: `answer-${i}`, text: ANSWERS[i] })
      await next(socket, 'turn-start', (m) => m.turn.clientId === `answer-${i}`, from)
      return from
    }

    // On A: the opening, one whole follow-up, then A dies within the next one, once its first
    // sentence has reached the candidate (the LLM reply is released a sentence at a time).
    const onA = await connect(a)
    await next(onA, 'turn-end', (m) => m.turn.kind === 'question')
    let from = await answer(onA, 0)
    await next(onA, 'turn-end', (m) => m.turn.kind === 'follow-up', from)
    from = await answer(onA, 1)
    const cut = await next(onA, 'turn-start', (m) => m.turn.role === 'interviewer', from)
    await until('the first sentence of the second follow-up', () =>
      onA.messages.some((m) => m.type === 'token-delta' && m.turnId === cut.turn.id)
        ? true
        : undefined,
    )
    await a.crash()
    const lastSeen = Math.max(...onA.messages.map((m) => m.seq))

    // On B, resuming after the last message A delivered: the turn is re-streamed once A's
    // lease has run out, under the same id.
    port = b.port
    const onB = await connect(b, lastSeen)
    const resumed = await until('the cut turn, re-streamed by B', () =>
      onB.messages.find(
        (m): m is Extract<ServerMessage, { type: 'turn-end' }> =>
          m.type === 'turn-end' && m.turn.id === cut.turn.id,
      ),
    )
    from = await answer(onB, 2)
    await next(onB, 'turn-end', (m) => m.turn.kind === 'follow-up', from)
    onB.send({ type: 'end' })
    await next(onB, 'session-ended')

    // The model was asked for the cut turn by A, then again by B; nothing else twice.
    const streams = llm.requests.filter((r) => r.kind === 'stream')
    expect(streams.map((r) => r.caller)).toEqual(['a', 'a', 'b', 'b'])
    const replies = [streams[0]!.reply, streams[2]!.reply, streams[3]!.reply]
    expect(resumed.turn.text).toBe(replies[1])

    // Nothing lost, nothing duplicated: the stored transcript...
    const stored = await browser.get(`/api/sessions/${id}`)
    expect(stored.status).toBe(200)
    const turns = ((await stored.json()) as { turns: Turn[] }).turns
    expect(turns.map((t) => t.seq)).toEqual(turns.map((_, i) => i + 1))
    expect(new Set(turns.map((t) => t.id)).size).toBe(turns.length)
    expect(turns.map((t) => `${t.role}:${t.kind}`)).toEqual([
      'interviewer:question',
      'candidate:answer',
      'interviewer:follow-up',
      'candidate:answer',
      'interviewer:follow-up',
      'candidate:answer',
      'interviewer:follow-up',
      'interviewer:closing',
    ])
    expect(turns.filter((t) => t.role === 'candidate').map((t) => t.text)).toEqual(ANSWERS)
    expect(turns.filter((t) => t.kind === 'follow-up').map((t) => t.text)).toEqual(replies)
    expect(turns.every((t) => t.completedAt !== null)).toBe(true)
    // ...the seqs the client saw over both sockets, in order, without gap or repeat...
    const seen = [...onA.messages, ...onB.messages]
    expect(seqProblems(seen)).toEqual([])
    // ...and what it shows is exactly what is stored.
    const shown = replayTranscript(seen)
    expect([...shown.keys()]).toEqual(turns.map((t) => t.id))
    expect([...shown.values()].map((t) => t.text)).toEqual(turns.map((t) => t.text))

    // A grading started on C, which dies while its grader waits for the model; B finishes it.
    llm.holdJson = true
    const c = await instance('c')
    port = c.port
    const started = await browser.post(`/api/sessions/${id}/grade`)
    expect(started.status).toBe(202)
    await until('the grader request of C', () =>
      llm.requests.some((r) => r.caller === 'c' && r.kind === 'json') ? true : undefined,
    )
    llm.holdJson = false
    await c.crash()
    port = b.port
    const done = await until('the grade on B', () =>
      onB.messages.find(
        (m): m is Extract<ServerMessage, { type: 'grade-progress' }> =>
          m.type === 'grade-progress' && (m.stage === 'done' || m.stage === 'failed'),
      ),
    )
    expect(done.stage).toBe('done')
    expect(llm.requests.filter((r) => r.kind === 'json').map((r) => r.caller)).toEqual(['c', 'b'])
    const report = await browser.get(`/api/sessions/${id}/report`)
    const body = (await report.json()) as { grade: { overall: number } | null }
    expect(body.grade?.overall).toEqual(done.grade?.overall)
    expect(seqProblems(onB.messages)).toEqual([])
  }, 120_000)
})
