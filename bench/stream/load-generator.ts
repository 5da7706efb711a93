/**
 * The load generator of the stream benchmark, run as its own process by bench/stream-benchmark.ts:
 * BENCH_CLIENTS candidates start a session each, wait for the opening turn, then answer once
 * (spread evenly over BENCH_RAMP_MS) and record the follow-up. Prints one `BENCH_RESULT <json>`
 * line with the phase's PhaseSummary. Every wait is bounded by BENCH_DEADLINE_MS.
 */
import { connectCandidate, type ClientResult } from './bench-client.js'
import type { SentSchedule } from './delta-timing.js'
import { readClockTicks, readCpuMs, readMemoryMb } from './proc-stats.js'
import { summarisePhase } from './summarise-phase.js'
import { readWallClockMs } from './wall-clock.js'

const need = (name: string) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is required`)
  return value
}
const baseUrl = need('BENCH_BASE_URL')
const fakeUrl = need('BENCH_FAKE_URL')
const questionId = need('BENCH_QUESTION_ID')
const serverPid = Number(need('BENCH_SERVER_PID'))
const clients = Number(need('BENCH_CLIENTS'))
const phase = need('BENCH_PHASE')
const rampMs = Number(process.env.BENCH_RAMP_MS ?? 1000)
const deadline = Date.now() + Number(process.env.BENCH_DEADLINE_MS ?? 30_000)

/** A candidate's answer of about 90 words, as someone would say it; the tag is for the side channel. */
const answerText = (tag: string) =>
  `(${tag}) I would start by finding out what changed: the deploy log, the config history and the ` +
  'dependency versions for the last week. Then I would look at the dashboards for latency by ' +
  'endpoint and the database slow query log, because a regression that grows over days often ' +
  'points at a table that grows without an index. I would reproduce it in staging with a copy of ' +
  'production data, add a trace around the slow path, and only then change one thing at a time, ' +
  'with a rollback ready and an alert on the p99.'

async function main() {
  const candidates = await Promise.all(
    Array.from({ length: clients }, () => connectCandidate(baseUrl, questionId)),
  )
  await Promise.all(candidates.map((c) => c.awaitOpening(deadline)))
  const ticks = readClockTicks()
  const cpuBefore = readCpuMs(serverPid, ticks)
  const wallBefore = readWallClockMs()
  const results: ClientResult[] = await Promise.all(
    candidates.map(async (c, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * rampMs) / clients))
      const tag = `bench-client-${phase}-${i}`
      return c.answer(tag, answerText(tag), deadline)
    }),
  )
  const cpuMs = readCpuMs(serverPid, ticks) - cpuBefore
  const wallMs = readWallClockMs() - wallBefore
  const memory = readMemoryMb(serverPid)
  for (const c of candidates) c.close()
  const res = await fetch(`${fakeUrl}/bench/records`)
  const { records } = (await res.json()) as {
    records: Array<SentSchedule & { tag: string; arrivedAt: number; doneAt: number | null }>
  }
  const sent = new Map(records.filter((r) => r.doneAt !== null).map((r) => [r.tag, r] as const))
  const summary = summarisePhase(
    results,
    sent,
    {
      cpuPercent: (cpuMs / wallMs) * 100,
      rssMb: memory.rssMb,
      peakMb: memory.peakMb,
    },
    rampMs,
  )
  console.log(`BENCH_RESULT ${JSON.stringify(summary)}`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  },
)
