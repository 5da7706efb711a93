import type { PhaseSummary, Spread } from './summarise-phase.js'

const ms = (v: number | null) =>
  v === null ? 'n/a' : v < 10 ? v.toFixed(1) : Math.round(v).toString()
const pair = (s: Spread) => `${ms(s.p50)} / ${ms(s.p99)}`

/** The markdown table of all load levels: one row a level, latencies in ms as p50 / p99. */
export function formatTable(rows: readonly PhaseSummary[]): string {
  const head = [
    '| N | answers over | turns done | first delta (ms) | answer to model request (ms) | turn end beyond model (ms) | delta overhead (ms) | sentence hold (ms) | gap between deltas (ms) | deltas a turn | server CPU | RSS (peak) | lost / reordered / text mismatches |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  const body = rows.map(
    (r) =>
      `| ${r.clients} | ${r.rampMs / 1000} s | ${r.completed} | ${pair(r.firstDeltaMs)} | ${pair(r.toModelMs)} | ${pair(r.beyondModelMs)} | ` +
      `${pair(r.deltaOverheadMs)} | ${pair(r.deltaHoldMs)} | ${pair(r.interDeltaGapMs)} | ${r.deltasPerTurn ?? 'n/a'} | ` +
      `${Math.round(r.serverCpuPercent)} % | ${Math.round(r.serverRssMb)} MB (${Math.round(r.serverPeakRssMb)}) | ` +
      `${r.lostSeqs} / ${r.reorderedSeqs} / ${r.textMismatches} |`,
  )
  return [...head, ...body].join('\n')
}
