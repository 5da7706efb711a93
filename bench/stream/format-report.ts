import type { CapacityRatio } from './capacity.js'
import { summariseSpeed, type SpeedRun } from './speed-summary.js'
import type { PhaseSummary, Spread } from './summarise-phase.js'

const ms = (v: number | null) =>
  v === null ? 'n/a' : Math.abs(v) < 10 ? v.toFixed(1) : Math.round(v).toString()
const pair = (s: Spread) => `${ms(s.p50)} / ${ms(s.p99)}`
const orNa = (v: number | null, digits = 0) => (v === null ? 'n/a' : v.toFixed(digits))

export const MODE_NAMES = {
  direct: 'direct clients (floor)',
  relay: 'bare relay',
  sparring: 'Sparring',
} as const

function share(r: CapacityRatio | null): string {
  if (r === null) return 'n/a'
  const prefix = r.bound === 'at most' ? '<= ' : r.bound === 'at least' ? '>= ' : ''
  return `${prefix}${r.ratio.toFixed(2)}${r.bound === 'unknown' ? ' (neither failed)' : ''}`
}

/** The summary table: one row per speed and mode. */
export function formatSummaryTable(runs: readonly SpeedRun[], limitMs: number): string {
  const head = [
    `| model speed | mode | largest N with added p99 < ${limitMs} ms | share of direct clients' N | CPU ms per 1,000 tokens (process / main thread) | memory per open session | first text minus model's first token (ms) | each word held (ms) |`,
    '|---|---|---|---|---|---|---|---|',
  ]
  const body = runs.flatMap((run) =>
    summariseSpeed(run, limitMs).map((m) => {
      const { largest, firstFailing } = m.capacity
      const n =
        largest === null
          ? `< ${firstFailing}`
          : firstFailing === null
            ? `>= ${largest} (none failed)`
            : `${largest} (${firstFailing} failed)`
      const cpu =
        m.cpuMsPer1000Tokens === null
          ? 'n/a'
          : `${orNa(m.cpuMsPer1000Tokens)} / ${orNa(m.mainThreadCpuMsPer1000Tokens)}`
      // RSS is coarse: a heap with room takes the sessions and a collection meanwhile can free
      // more than they hold, so a fall is "no growth", not a negative size.
      const mem =
        m.memoryPerSessionKb === null
          ? 'n/a'
          : m.memoryPerSessionKb <= 0
            ? `no RSS growth (${m.memorySessions} sessions)`
            : `${orNa(m.memoryPerSessionKb)} KB (${m.memorySessions} sessions)`
      return (
        `| ${run.tokensPerSec} tokens/s | ${MODE_NAMES[m.mode]} | ${n} | ${share(m.shareOfFloor)} | ` +
        `${cpu} (N = ${m.atClients}) | ${mem} | ${pair(m.firstTextBeyondModelMs)} | ${pair(m.wordHoldMs)} |`
      )
    }),
  )
  return [...head, ...body].join('\n')
}

function detailRow(mode: string, r: PhaseSummary): string {
  const s = r.server
  const cpu = s
    ? `${Math.round((s.cpuMs / s.wallMs) * 100)} % (${Math.round((s.mainThreadCpuMs / s.wallMs) * 100)} %)`
    : 'n/a'
  const per1000 = s && r.tokensRelayed > 0 ? Math.round((s.cpuMs / r.tokensRelayed) * 1000) : null
  const rss = s ? `${Math.round(s.rssBeforeMb)} -> ${Math.round(s.rssOpenMb)} MB` : 'n/a'
  const n =
    r.firstTryAddedP99Ms === undefined
      ? `${r.clients}`
      : `${r.clients} (second try; first: added p99 ${ms(r.firstTryAddedP99Ms)} ms)`
  return (
    `| ${mode} | ${n} | ${r.rampMs / 1000} s | ${r.completed} | ${pair(r.deltaOverheadMs)} | ` +
    `${pair(r.firstTextBeyondModelMs)} | ${pair(r.toModelMs)} | ${pair(r.wordHoldMs)} | ` +
    `${pair(r.beyondModelMs)} | ${cpu} | ${per1000 ?? 'n/a'} | ${rss} | ` +
    `${r.lostSeqs} / ${r.reorderedSeqs} / ${r.textMismatches} / ${r.revisedTurns} |`
  )
}

/** Every level run at one speed (the burst last), latencies in ms as p50 / p99. */
export function formatDetailTable(run: SpeedRun): string {
  const head = [
    '| mode | N | requests over | replies done | added (ms) | first text beyond model (ms) | answer to model request (ms) | each word held (ms) | end beyond model (ms) | server CPU (main thread) | CPU ms / 1,000 tokens | RSS before -> sessions open | lost / reordered / text mismatches / revised |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  const body = [...run.rows].flatMap(([mode, rows]) =>
    rows.map((r) => detailRow(MODE_NAMES[mode], r)),
  )
  if (run.burst) body.push(detailRow('Sparring, burst', run.burst))
  return [...head, ...body].join('\n')
}
