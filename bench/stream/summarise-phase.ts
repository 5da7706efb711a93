import type { ClientResult } from './bench-client.js'
import { timeDeltas, type SentSchedule } from './delta-timing.js'
import { computePercentile } from './percentile.js'
import { auditSeqs } from './seq-check.js'

export type Spread = { p50: number | null; p99: number | null; max: number | null }

/** The figures of one load level, as printed in the table. */
export type PhaseSummary = {
  clients: number
  /** The answers were sent evenly over this window. */
  rampMs: number
  completed: number
  errors: string[]
  /** Answer sent to first `token-delta` of the follow-up. */
  firstDeltaMs: Spread
  /** Answer sent to the model request arriving at the fake server (store, coverage map, prompt). */
  toModelMs: Spread
  /** `turn-end` received minus the fake server's `[DONE]`: what the server adds to the turn. */
  beyondModelMs: Spread
  /** Per delta: received minus the write of the token that released it. */
  deltaOverheadMs: Spread
  /** Per delta: received minus the write of its first word (sentence buffering + overhead). */
  deltaHoldMs: Spread
  /** Gaps between consecutive deltas of one turn. */
  interDeltaGapMs: Spread
  deltasPerTurn: number | null
  lostSeqs: number
  reorderedSeqs: number
  /** Turns whose deltas did not add up to the stored text, or to the fake reply's words. */
  textMismatches: number
  serverCpuPercent: number
  serverRssMb: number
  serverPeakRssMb: number
}

const spread = (values: number[]): Spread => ({
  p50: computePercentile(values, 50),
  p99: computePercentile(values, 99),
  max: computePercentile(values, 100),
})

/** Joins what the clients saw with what the fake server sent (by tag) into one phase's figures. */
export function summarisePhase(
  results: readonly ClientResult[],
  sent: ReadonlyMap<string, SentSchedule & { arrivedAt: number }>,
  server: { cpuPercent: number; rssMb: number; peakMb: number },
  rampMs: number,
): PhaseSummary {
  const firstDelta: number[] = []
  const toModel: number[] = []
  const beyond: number[] = []
  const overhead: number[] = []
  const hold: number[] = []
  const gaps: number[] = []
  const perTurn: number[] = []
  let lost = 0
  let reordered = 0
  let mismatches = 0
  const errors: string[] = []
  for (const r of results) {
    const audit = auditSeqs(r.frames)
    lost += audit.lost
    reordered += audit.reordered
    if (r.error) errors.push(`${r.tag}: ${r.error}`)
    const schedule = sent.get(r.tag)
    if (r.deltas[0]) firstDelta.push(r.deltas[0].receivedAt - r.sentAt)
    for (let i = 1; i < r.deltas.length; i++)
      gaps.push(r.deltas[i]!.receivedAt - r.deltas[i - 1]!.receivedAt)
    if (r.turnEndAt === null) continue
    perTurn.push(r.deltas.length)
    if (r.deltas.map((d) => d.text).join('') !== r.turnText) mismatches++
    if (!schedule) {
      errors.push(`${r.tag}: the fake server saw no model request`)
      continue
    }
    toModel.push(schedule.arrivedAt - r.sentAt)
    beyond.push(r.turnEndAt - schedule.doneAt)
    const timings = timeDeltas(r.deltas, schedule)
    if (!timings) {
      mismatches++
      continue
    }
    for (const t of timings) {
      overhead.push(t.overheadMs)
      hold.push(t.holdMs)
    }
  }
  return {
    clients: results.length,
    rampMs,
    completed: perTurn.length,
    errors,
    firstDeltaMs: spread(firstDelta),
    toModelMs: spread(toModel),
    beyondModelMs: spread(beyond),
    deltaOverheadMs: spread(overhead),
    deltaHoldMs: spread(hold),
    interDeltaGapMs: spread(gaps),
    deltasPerTurn: computePercentile(perTurn, 50),
    lostSeqs: lost,
    reorderedSeqs: reordered,
    textMismatches: mismatches,
    serverCpuPercent: server.cpuPercent,
    serverRssMb: server.rssMb,
    serverPeakRssMb: server.peakMb,
  }
}
