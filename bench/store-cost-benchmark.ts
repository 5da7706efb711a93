/**
 * What each session store costs per interview turn and per grading: store calls, round trips to
 * the backend, time spent in the store, wall time. The real app (createApp) runs in this process
 * on 127.0.0.1, port 0, over SQLite (a temp file), Redis and Vercel KV (the Upstash REST shim),
 * the last two as one of several instances (leases, relay, grading jobs).
 *
 * Run: `npm run bench:stores` (about a minute; needs redis-server on PATH). `--no-write` prints
 * without touching docs/benchmarks.md; `--sessions N` (default 4) interviews per store.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppDeps } from '../server/app.js'
import type { ServerMessage } from '../server/protocol/interview-protocol.js'
import { loadQuestionBank, QuestionBank } from '../server/questions/question-bank.js'
import { RedisSessionStore } from '../server/sessions/redis-session-store.js'
import type { SessionEventRelay } from '../server/sessions/session-event-relay.js'
import type { SessionStore } from '../server/sessions/session-store.js'
import { SqliteSessionStore } from '../server/sessions/sqlite-session-store.js'
import { VercelKvSessionStore } from '../server/sessions/vercel-kv-session-store.js'
import { RecordingGrader } from '../tests/support/recording-grader.js'
import { startRedisServer } from '../tests/support/redis-server.js'
import { startUpstashRestShim } from '../tests/support/upstash-rest-shim.js'
import {
  createHttpBrowser,
  openSocket,
  startServer,
  type TestSocket,
} from '../tests/server/ws/support/ws-harness.js'
import { countStoreCalls, tallyBetween } from './stores/counting-store.js'
import {
  formatStoreSection,
  type PhaseCost,
  type StoreCost,
} from './stores/format-store-section.js'
import { countRedisCommands } from './stores/redis-command-counter.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Session stores: cost per turn and per grading'
const QUESTION_ID = 'the-architectural-time-bomb'
const ANSWERS = [
  'I would pick the monolith first because the team is small, and measure p95 latency and cost per notification from day one.',
  'Hidden costs: the operational overhead of running microservices, hiring for a rare stack, and the on-call load on a team of five.',
  'If it proves wrong, the fallback is a migration path: peel the delivery module off into a service behind the same queue.',
]
/** After a phase, time for its trailing writes (the lease release, the job's finish). */
const SETTLE_MS = 200
const HARD_LIMIT_MS = 240_000

const args = process.argv.slice(2)
const write = !args.includes('--no-write')
const sessionsArg = args.includes('--sessions') ? Number(args[args.indexOf('--sessions') + 1]) : 4
const SESSIONS = Number.isInteger(sessionsArg) && sessionsArg > 0 ? sessionsArg : 4

type Backend = {
  store: SessionStore
  relay: SessionEventRelay | null
  unit: string
  /** Round trips so far; null when the store is in-process. */
  roundTrips: () => number | null
}

type Sample = PhaseCost

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

async function measureStore(
  name: string,
  backend: Backend,
  bank: QuestionBank,
): Promise<StoreCost> {
  const counted = countStoreCalls(backend.store)
  const clock = () => new Date()
  const deps: AppDeps = {
    bank,
    store: counted.store,
    clock,
    newId: randomUUID,
    cookieSecret: 'bench-cookie-secret-of-at-least-32-characters',
    offlineGrader: new RecordingGrader('offline'),
    instances: backend.relay
      ? {
          instanceId: `bench-${randomUUID().slice(0, 8)}`,
          leaseTtlMs: 15_000,
          relay: backend.relay,
        }
      : undefined,
  }
  const server = await startServer(deps)
  const turns: Sample[] = []
  const gradings: Sample[] = []
  /** Runs `phase` and returns what it cost, trailing writes included. */
  const measure = async (socket: TestSocket, phase: () => Promise<void>): Promise<Sample> => {
    await sleep(SETTLE_MS)
    const before = counted.snapshot()
    const trips = backend.roundTrips()
    const messages = socket.messages.length
    const started = performance.now()
    await phase()
    const wallMs = performance.now() - started
    const received = socket.messages.length - messages
    await sleep(SETTLE_MS)
    const tally = tallyBetween(before, counted.snapshot())
    const after = backend.roundTrips()
    return {
      storeCalls: tally.calls,
      roundTrips: trips === null || after === null ? null : after - trips,
      storeMs: tally.ms,
      wallMs,
      messages: received,
    }
  }
  try {
    for (let s = 0; s < SESSIONS; s++) {
      const browser = createHttpBrowser(server.port)
      const id = await browser.startSession({
        questionId: QUESTION_ID,
        mode: 'mock',
        options: { followUpBudget: ANSWERS.length + 1 },
      })
      const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
      await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
      for (const [i, text] of ANSWERS.entries()) {
        turns.push(
          await measure(socket, async () => {
            const from = socket.messages.length
            socket.send({ type: 'answer', clientId: `answer-${i}`, text })
            await socket.waitFor('turn-end', (m) => m.turn.role === 'interviewer', from)
          }),
        )
      }
      socket.send({ type: 'end' })
      await socket.waitFor('session-ended')
      gradings.push(
        await measure(socket, async () => {
          const res = await browser.post(`/api/sessions/${id}/grade`)
          if (res.status !== 202) throw new Error(`grade: ${res.status} ${await res.text()}`)
          await socket.waitFor(
            'grade-progress',
            (m: Extract<ServerMessage, { type: 'grade-progress' }>) =>
              m.stage === 'done' || m.stage === 'failed',
          )
        }),
      )
      socket.close()
    }
  } finally {
    await server.stop()
  }
  const summarise = (samples: Sample[]): PhaseCost => ({
    storeCalls: median(samples.map((x) => x.storeCalls)),
    roundTrips: samples[0]!.roundTrips === null ? null : median(samples.map((x) => x.roundTrips!)),
    storeMs: median(samples.map((x) => x.storeMs)),
    wallMs: median(samples.map((x) => x.wallMs)),
    messages: median(samples.map((x) => x.messages)),
  })
  return {
    store: name,
    unit: backend.unit,
    turns: turns.length,
    gradings: gradings.length,
    turn: summarise(turns),
    grading: summarise(gradings),
  }
}

async function main() {
  const bank = await loadQuestionBank('questions')
  if (!bank.get(QUESTION_ID)) throw new Error(`question ${QUESTION_ID} is not in the bank`)
  const tmp = mkdtempSync(join(tmpdir(), 'sparring-store-bench-'))
  const redis = await startRedisServer()
  const costs: StoreCost[] = []
  try {
    const sqlite = SqliteSessionStore.open(join(tmp, 'bench.db'))
    costs.push(
      await measureStore(
        'SQLite',
        {
          store: sqlite,
          relay: null,
          unit: 'none, the store is in-process (one fsync per commit)',
          roundTrips: () => null,
        },
        bank,
      ),
    )
    await sqlite.close()

    const commands = await countRedisCommands(redis.url)
    const onRedis = await RedisSessionStore.connect(redis.url, { keyPrefix: 'bench-redis:' })
    const redisRelay = onRedis.createEventRelay({ clock: () => new Date() })
    costs.push(
      await measureStore(
        'Redis',
        {
          store: onRedis,
          relay: redisRelay,
          unit: 'commands sent (MONITOR; a Lua script is one, its inner calls none)',
          roundTrips: () => commands.count(),
        },
        bank,
      ),
    )
    await redisRelay.close()
    await onRedis.close()
    await commands.stop()

    const shim = await startUpstashRestShim(redis.url, 'bench-token')
    const onKv = VercelKvSessionStore.connect({
      url: shim.url,
      token: shim.token,
      keyPrefix: 'bench-kv:',
      retry: false,
    })
    const kvRelay = onKv.createEventRelay({ clock: () => new Date(), pollMs: 150 })
    costs.push(
      await measureStore(
        'Vercel KV',
        {
          store: onKv,
          relay: kvRelay,
          unit: 'HTTPS requests to the REST API (each may carry several commands)',
          roundTrips: () => shim.stats.requests,
        },
        bank,
      ),
    )
    await kvRelay.close()
    await onKv.close()
    await shim.stop()
  } finally {
    await redis.stop()
    rmSync(tmp, { recursive: true, force: true })
  }
  const section = formatStoreSection(costs, {
    date: new Date().toISOString().slice(0, 10),
    command: 'npm run bench:stores',
  })
  console.log(section)
  if (write) writeFileSync(REPORT, replaceSection(readFileSync(REPORT, 'utf8'), SECTION, section))
}

const limit = setTimeout(() => {
  console.error(`bench:stores: gave up after ${HARD_LIMIT_MS / 1000} s`)
  process.exit(1)
}, HARD_LIMIT_MS)
limit.unref()
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
