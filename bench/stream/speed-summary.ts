import type { BenchMode } from './bench-args.js'
import {
  compareCapacity,
  cpuPerThousandTokens,
  findCapacity,
  memoryPerSessionKb,
  type Capacity,
  type CapacityRatio,
} from './capacity.js'
import type { PhaseSummary, Spread } from './summarise-phase.js'

/** The server's RSS before and after `clients` idle sessions were opened. */
export type OpenSessions = { clients: number; rssBeforeMb: number; rssOpenMb: number }

/** Every level run at one model speed, by mode, and the Sparring burst if one ran. */
export type SpeedRun = {
  tokensPerSec: number
  tokens: number
  rampMs: number
  rows: ReadonlyMap<BenchMode, readonly PhaseSummary[]>
  burst: PhaseSummary | null
  /** Words up to the reply's first full stop: a reply released a sentence at a time shows it. */
  firstSentenceWords: number
  /**
   * The leak guard's own schedule on the fake reply, replayed offline (release-schedule.ts), in
   * tokens: the hold-back it chooses by design, apart from what the server adds.
   */
  guardHolds?: { firstReleaseToken: number | null; medianHoldTokens: number | null }
  /** Idle sessions opened apart from the levels, by mode (once per mode, shown at every speed). */
  open?: ReadonlyMap<BenchMode, OpenSessions>
}

/** One line of the summary table: a mode's capacity and its costs near it. */
export type ModeSummary = {
  mode: BenchMode
  capacity: Capacity
  /** Against direct clients (the floor); null for the floor itself or when either has no N. */
  shareOfFloor: CapacityRatio | null
  /** The level the costs below are read at: the largest passing, else the lowest run. */
  atClients: number
  cpuMsPer1000Tokens: number | null
  mainThreadCpuMsPer1000Tokens: number | null
  /**
   * From the idle sessions opened apart when there were (more sessions, less noise from the
   * heap's growth), else at the largest level run.
   */
  memoryPerSessionKb: number | null
  /** How many sessions that figure rests on. */
  memorySessions: number | null
  firstTextBeyondModelMs: Spread
  wordHoldMs: Spread
}

const outcome = (row: PhaseSummary) => ({
  clients: row.clients,
  addedP99Ms: row.deltaOverheadMs.p99,
  allCompleted: row.completed === row.clients,
})

function memoryOf(open: OpenSessions | undefined, biggest: PhaseSummary): number | null {
  if (open) return memoryPerSessionKb(open.rssBeforeMb, open.rssOpenMb, open.clients)
  const s = biggest.server
  return s ? memoryPerSessionKb(s.rssBeforeMb, s.rssOpenMb, biggest.clients) : null
}

/** The summary of one speed: capacity by mode, Sparring's share of the floor, costs. */
export function summariseSpeed(run: SpeedRun, limitMs: number): ModeSummary[] {
  const floorRows = run.rows.get('direct')
  const floor = floorRows ? findCapacity(floorRows.map(outcome), limitMs) : null
  const out: ModeSummary[] = []
  for (const [mode, rows] of run.rows) {
    if (rows.length === 0) continue
    const capacity = findCapacity(rows.map(outcome), limitMs)
    const at =
      rows.find((r) => r.clients === capacity.largest) ??
      [...rows].sort((a, b) => a.clients - b.clients)[0]!
    const biggest = [...rows].sort((a, b) => b.clients - a.clients)[0]!
    const s = at.server
    out.push({
      mode,
      capacity,
      shareOfFloor: mode !== 'direct' && floor ? compareCapacity(capacity, floor) : null,
      atClients: at.clients,
      cpuMsPer1000Tokens: s ? cpuPerThousandTokens(s.cpuMs, at.tokensRelayed) : null,
      mainThreadCpuMsPer1000Tokens: s
        ? cpuPerThousandTokens(s.mainThreadCpuMs, at.tokensRelayed)
        : null,
      memoryPerSessionKb: memoryOf(run.open?.get(mode), biggest),
      memorySessions: run.open?.get(mode)?.clients ?? (biggest.server ? biggest.clients : null),
      firstTextBeyondModelMs: at.firstTextBeyondModelMs,
      wordHoldMs: at.wordHoldMs,
    })
  }
  return out
}
