/**
 * The load generator of the stream benchmark, run as its own process by bench/stream-benchmark.ts.
 * BENCH_MODE picks who the BENCH_CLIENTS clients talk to:
 * - `sparring`: each candidate starts a session on the server, waits for the opening turn, then
 *   answers once and records the follow-up;
 * - `relay`: each opens a socket to the bare relay (bare-relay.ts) and asks for one reply;
 * - `direct`: each reads the fake model's stream itself with the openai SDK (the floor).
 * The requests are spread evenly over BENCH_RAMP_MS. With BENCH_ONLY_OPEN=1 the clients only
 * open their sessions (memory per open session) and send nothing. Prints one `BENCH_RESULT <json>` line with
 * the phase's PhaseSummary. Every wait is bounded by BENCH_DEADLINE_MS.
 */
import { z } from 'zod'
import { connectCandidate, type ClientResult } from './bench-client.js'
import type { SentSchedule } from './delta-timing.js'
import { connectRelayClient, createDirectClient } from './floor-clients.js'
import { readClockTicks, readCpuMs, readMemoryMb } from './proc-stats.js'
import { summarisePhase, type ServerStats } from './summarise-phase.js'
import { readWallClockMs } from './wall-clock.js'

const Env = z.object({
  BENCH_MODE: z.enum(['sparring', 'relay', 'direct']),
  BENCH_TARGET_URL: z.string().url().optional(),
  BENCH_FAKE_URL: z.string().url(),
  BENCH_QUESTION_ID: z.string().optional(),
  BENCH_SERVER_PID: z.coerce.number().int().positive().optional(),
  BENCH_CLIENTS: z.coerce.number().int().positive(),
  BENCH_PHASE: z.string().regex(/^\d+$/),
  BENCH_RAMP_MS: z.coerce.number().min(0).default(1000),
  BENCH_DEADLINE_MS: z.coerce.number().positive().default(30_000),
  /** `1`: only open the clients' sessions, report the server's RSS before and after, and stop. */
  BENCH_ONLY_OPEN: z.enum(['0', '1']).default('0'),
  /** JSON array: words the server may have sent once each token arrived (release-schedule.ts). */
  BENCH_RELEASED_WORDS: z.string().optional(),
})
const env = Env.parse(process.env)
const deadline = Date.now() + env.BENCH_DEADLINE_MS
const releasedWords = env.BENCH_RELEASED_WORDS
  ? z.array(z.number().int().min(0)).parse(JSON.parse(env.BENCH_RELEASED_WORDS))
  : undefined

/** A candidate's answer of about 90 words, as someone would say it; the tag is for the side channel. */
const answerText = (tag: string) =>
  `(${tag}) I would start by finding out what changed: the deploy log, the config history and the ` +
  'dependency versions for the last week. Then I would look at the dashboards for latency by ' +
  'endpoint and the database slow query log, because a regression that grows over days often ' +
  'points at a table that grows without an index. I would reproduce it in staging with a copy of ' +
  'production data, add a trace around the slow path, and only then change one thing at a time, ' +
  'with a rollback ready and an alert on the p99.'

type Asker = { ask(tag: string): Promise<ClientResult>; close(): void }

/** Connects every client of the mode (sessions opened and the opening turn read, for Sparring). */
async function connectAll(): Promise<Asker[]> {
  const n = env.BENCH_CLIENTS
  const target = env.BENCH_TARGET_URL ?? ''
  if (env.BENCH_MODE === 'direct') {
    return Array.from({ length: n }, () => {
      const c = createDirectClient(`${env.BENCH_FAKE_URL}/v1`)
      return { ask: (tag) => c.answer(tag, deadline), close: c.close }
    })
  }
  if (env.BENCH_MODE === 'relay') {
    const clients = await Promise.all(Array.from({ length: n }, () => connectRelayClient(target)))
    return clients.map((c) => ({ ask: (tag) => c.answer(tag, deadline), close: c.close }))
  }
  const questionId = z.string().parse(env.BENCH_QUESTION_ID)
  // A candidate whose session, socket or opening fails (the server past what it holds) is a
  // failed reply of the level, not the end of the whole benchmark.
  return Promise.all(
    Array.from({ length: n }, async (): Promise<Asker> => {
      let candidate: Awaited<ReturnType<typeof connectCandidate>> | undefined
      try {
        candidate = await connectCandidate(target, questionId)
        await candidate.awaitOpening(deadline)
        const c = candidate
        return { ask: (tag) => c.answer(tag, answerText(tag), deadline), close: c.close }
      } catch (error) {
        candidate?.close()
        const reason = `before the answer: ${error instanceof Error ? error.message : String(error)}`
        return { ask: async (tag) => failedResult(tag, reason), close: () => {} }
      }
    }),
  )
}

/** The result of a candidate that never got to answer. */
function failedResult(tag: string, error: string): ClientResult {
  const sentAt = readWallClockMs()
  return {
    tag,
    sentAt,
    deltas: [],
    shownText: '',
    revisions: 0,
    turnEndAt: null,
    turnText: null,
    frames: [],
    error,
  }
}

async function main() {
  const pid = env.BENCH_SERVER_PID
  const ticks = readClockTicks()
  const rssBeforeMb = pid ? readMemoryMb(pid).rssMb : 0
  const clients = await connectAll()
  const rssOpenMb = pid ? readMemoryMb(pid).rssMb : 0
  if (env.BENCH_ONLY_OPEN === '1') {
    for (const c of clients) c.close()
    console.log(`BENCH_OPEN ${JSON.stringify({ clients: clients.length, rssBeforeMb, rssOpenMb })}`)
    return
  }
  const cpuBefore = pid ? readCpuMs(pid, ticks) : 0
  const mainBefore = pid ? readCpuMs(pid, ticks, pid) : 0
  const wallBefore = readWallClockMs()
  const results: ClientResult[] = await Promise.all(
    clients.map(async (c, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * env.BENCH_RAMP_MS) / clients.length))
      return c.ask(`bench-client-${env.BENCH_PHASE}-${i}`)
    }),
  )
  let server: ServerStats | null = null
  if (pid) {
    const memory = readMemoryMb(pid)
    server = {
      cpuMs: readCpuMs(pid, ticks) - cpuBefore,
      mainThreadCpuMs: readCpuMs(pid, ticks, pid) - mainBefore,
      wallMs: readWallClockMs() - wallBefore,
      rssBeforeMb,
      rssOpenMb,
      rssMb: memory.rssMb,
      peakMb: memory.peakMb,
    }
  }
  for (const c of clients) c.close()
  const res = await fetch(`${env.BENCH_FAKE_URL}/bench/records`)
  const { records } = (await res.json()) as {
    records: Array<SentSchedule & { tag: string; arrivedAt: number; doneAt: number | null }>
  }
  const sent = new Map(records.filter((r) => r.doneAt !== null).map((r) => [r.tag, r] as const))
  const summary = summarisePhase(results, sent, server, env.BENCH_RAMP_MS, releasedWords)
  console.log(`BENCH_RESULT ${JSON.stringify(summary)}`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  },
)
