import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../../server/protocol/interview-protocol.js'
import { RedisSessionStore } from '../../../server/sessions/redis-session-store.js'
import type { SessionEventRelay } from '../../../server/sessions/session-event-relay.js'
import { VercelKvSessionStore } from '../../../server/sessions/vercel-kv-session-store.js'
import { createSessionStreamHub } from '../../../server/ws/session-stream-hub.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'
import { startUpstashRestShim, type UpstashRestShim } from '../../support/upstash-rest-shim.js'

let server: RedisServer
let shim: UpstashRestShim
let prefixes = 0
const closers: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  server = await startRedisServer()
  shim = await startUpstashRestShim(server.url)
})

afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close()
  await shim?.stop()
  await server?.stop()
})

const clock = () => new Date('2026-01-01T00:00:00.000Z')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Two instances' relays on one backend (one key prefix). */
type PairFactory = () => Promise<[SessionEventRelay, SessionEventRelay]>

const redisPair: PairFactory = async () => {
  const prefix = `relay-${++prefixes}:`
  const relays = await Promise.all(
    [0, 1].map(async () => {
      const store = await RedisSessionStore.connect(server.url, { keyPrefix: prefix })
      const relay = store.createEventRelay({ clock })
      closers.push(
        () => store.close(),
        () => relay.close(),
      )
      return relay
    }),
  )
  // PSUBSCRIBE is acknowledged asynchronously.
  await sleep(100)
  return relays as [SessionEventRelay, SessionEventRelay]
}

const kvPair: PairFactory = async () => {
  const prefix = `relay-${++prefixes}:`
  return [0, 1].map(() => {
    const store = VercelKvSessionStore.connect({
      url: shim.url,
      token: shim.token,
      keyPrefix: prefix,
      retry: false,
    })
    const relay = store.createEventRelay({ clock, pollMs: 30 })
    closers.push(
      () => store.close(),
      () => relay.close(),
    )
    return relay
  }) as [SessionEventRelay, SessionEventRelay]
}

const interviewer = {
  ...makeTurn({ id: 'q', role: 'interviewer', kind: 'question', text: '', completedAt: null }),
  seq: 1,
}
const words = ['How ', 'would ', 'you ', 'dedupe ', 'the ', 'webhook?']

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300 && !check(); i += 1) await sleep(10)
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe.each([
  ['Redis (pub/sub)', redisPair],
  ['Vercel KV (polling)', kvPair],
])('session stream across two instances on %s', (_name, pair) => {
  it('delivers one instance’s turn to the other’s sockets in order, with the same seqs', async () => {
    const [relayA, relayB] = await pair()
    const a = createSessionStreamHub({ clock, relay: relayA })
    const b = createSessionStreamHub({ clock, relay: relayB })
    const onA: ServerMessage[] = []
    const onB: ServerMessage[] = []
    await Promise.all([a.prepare('s'), b.prepare('s')])
    a.subscribe('s', (m) => onA.push(m))
    b.subscribe('s', (m) => onB.push(m))
    a.publish('s', { type: 'turn-start', turn: interviewer })
    for (const text of words) a.publish('s', { type: 'token-delta', turnId: 'q', text })
    // A message from the other instance (a grading it runs) interleaves in one sequence.
    b.publish('s', { type: 'notice', level: 'info', code: 'from-b', message: 'hello' })
    await until(() => onA.length === 8 && onB.length === 8, 'eight messages on each side')
    expect(onB).toEqual(onA)
    const seqs = onA.map((m) => m.seq)
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i))
    expect(seqs[0]).toBe(clock().getTime() + 1)
    const deltas = onB.filter((m) => m.type === 'token-delta')
    expect(deltas.map((m) => (m.type === 'token-delta' ? m.text : '')).join('')).toBe(
      words.join(''),
    )
  })

  it('lets a socket that connects to the other instance mid-turn resume and see the text so far', async () => {
    const [relayA, relayB] = await pair()
    const a = createSessionStreamHub({ clock, relay: relayA })
    const seenOnA: ServerMessage[] = []
    a.subscribe('s', (m) => seenOnA.push(m))
    a.publish('s', { type: 'turn-start', turn: interviewer })
    for (const text of words.slice(0, 3)) a.publish('s', { type: 'token-delta', turnId: 'q', text })
    await until(() => seenOnA.length === 4, 'A to deliver its own four')
    // Instance B never saw this session: it reads the backend's log on first use.
    const b = createSessionStreamHub({ clock, relay: relayB })
    await b.prepare('s')
    const replayed: ServerMessage[] = []
    expect(b.replay('s', seenOnA[1]!.seq, (m) => replayed.push(m))).toBe(true)
    // The same JSON, key order too: B's deltas came through the schema's parse, A's were stamped.
    expect(replayed.map((m) => JSON.stringify(m))).toEqual(
      seenOnA.slice(2).map((m) => JSON.stringify(m)),
    )
    const snapshot = b.overlay('s', makeSession({ id: 's' }), [interviewer])
    expect(snapshot.turns[0]?.text).toBe('How would you ')
    // And stays live for the rest of the turn.
    const live: ServerMessage[] = []
    b.subscribe('s', (m) => live.push(m))
    for (const text of words.slice(3)) a.publish('s', { type: 'token-delta', turnId: 'q', text })
    await until(() => live.length === 3, 'the rest of the turn on B')
    expect(live.map((m) => m.seq)).toEqual([5, 6, 7].map((i) => seenOnA[0]!.seq + i - 1))
  })
})
