import type { ClientResult } from './bench-client.js'
import { countWords, timeDeltas, type SentSchedule } from './delta-timing.js'
import { computePercentile } from './percentile.js'
import { auditSeqs } from './seq-check.js'

export type Spread = { p50: number | null; p99: number | null; max: number | null }

/** What the load generator read of the relaying process (none for direct clients). */
export type ServerStats = {
  /** User + system CPU of the whole process over the answer window (worker threads included). */
  cpuMs: number
  /** The same for the main thread alone: the thread that relays every stream. */
  mainThreadCpuMs: number
  wallMs: number
  /** RSS before the level's clients connected, once they were all connected, and at the end. */
  rssBeforeMb: number
  rssOpenMb: number
  rssMb: number
  peakMb: number
}

/** The figures of one load level, as printed in the tables. */
export type PhaseSummary = {
  clients: number
  /** The answers were sent evenly over this window. */
  rampMs: number
  completed: number
  errors: string[]
  /** Answer sent to first text of the reply. */
  firstDeltaMs: Spread
  /** First text received minus the model's write of its first token. */
  firstTextBeyondModelMs: Spread
  /** Answer sent to the model request arriving at the fake server (store, coverage map, prompt). */
  toModelMs: Spread
  /** End of the reply received minus the fake server's `[DONE]`: what the server adds to the turn. */
  beyondModelMs: Spread
  /** Per delta: received minus the write of the token that let it out (the added latency). */
  deltaOverheadMs: Spread
  /** Per word: received minus the write of its own token (hold-back included). */
  wordHoldMs: Spread
  /** Gaps between consecutive deltas of one turn. */
  interDeltaGapMs: Spread
  deltasPerTurn: number | null
  /** Words (one a token) received in turns that ended: the tokens relayed. */
  tokensRelayed: number
  lostSeqs: number
  reorderedSeqs: number
  /** Turns whose deltas did not add up to the stored text, or to the fake reply's words. */
  textMismatches: number
  /** Turns a `turn-revise` corrected (a repeated question taken back; the fake never repeats). */
  revisedTurns: number
  server: ServerStats | null
  /** Set when the level failed and passed at its second try: the first try's added p99. */
  firstTryAddedP99Ms?: number | null
}

const spread = (values: number[]): Spread => ({
  p50: computePercentile(values, 50),
  p99: computePercentile(values, 99),
  max: computePercentile(values, 100),
})

/**
 * Joins what the clients saw with what the fake server sent (by tag) into one phase's figures.
 * `releasedWords` is the server's release schedule (see delta-timing.ts); omitted, every token is
 * sendable as it arrives.
 */
export function summarisePhase(
  results: readonly ClientResult[],
  sent: ReadonlyMap<string, SentSchedule & { arrivedAt: number }>,
  server: ServerStats | null,
  rampMs: number,
  releasedWords?: readonly number[],
): PhaseSummary {
  const firstDelta: number[] = []
  const firstBeyond: number[] = []
  const toModel: number[] = []
  const beyond: number[] = []
  const overhead: number[] = []
  const holds: number[] = []
  const gaps: number[] = []
  const perTurn: number[] = []
  let tokens = 0
  let lost = 0
  let reordered = 0
  let mismatches = 0
  let revised = 0
  const errors: string[] = []
  for (const r of results) {
    const audit = auditSeqs(r.frames)
    lost += audit.lost
    reordered += audit.reordered
    if (r.error) errors.push(`${r.tag}: ${r.error}`)
    const schedule = sent.get(r.tag)
    if (r.deltas[0]) {
      firstDelta.push(r.deltas[0].receivedAt - r.sentAt)
      const firstToken = schedule?.tokenSentAt[0]
      if (firstToken !== undefined) firstBeyond.push(r.deltas[0].receivedAt - firstToken)
    }
    for (let i = 1; i < r.deltas.length; i++)
      gaps.push(r.deltas[i]!.receivedAt - r.deltas[i - 1]!.receivedAt)
    if (r.turnEndAt === null) continue
    perTurn.push(r.deltas.length)
    for (const d of r.deltas) tokens += countWords(d.text)
    // What the client shows at the end (revisions applied) must be the stored turn.
    if (r.shownText !== r.turnText) mismatches++
    if (!schedule) {
      errors.push(`${r.tag}: the fake server saw no model request`)
      continue
    }
    toModel.push(schedule.arrivedAt - r.sentAt)
    beyond.push(r.turnEndAt - schedule.doneAt)
    if (r.revisions > 0) revised++
    // A revised turn's deltas no longer map one word a token onto the reply: not timed per word.
    if (r.revisions > 0) continue
    const timings = timeDeltas(r.deltas, schedule, releasedWords)
    if (!timings) {
      mismatches++
      continue
    }
    for (const t of timings) {
      overhead.push(t.overheadMs)
      holds.push(...t.wordHoldsMs)
    }
  }
  return {
    clients: results.length,
    rampMs,
    completed: perTurn.length,
    errors,
    firstDeltaMs: spread(firstDelta),
    firstTextBeyondModelMs: spread(firstBeyond),
    toModelMs: spread(toModel),
    beyondModelMs: spread(beyond),
    deltaOverheadMs: spread(overhead),
    wordHoldMs: spread(holds),
    interDeltaGapMs: spread(gaps),
    deltasPerTurn: computePercentile(perTurn, 50),
    tokensRelayed: tokens,
    lostSeqs: lost,
    reorderedSeqs: reordered,
    textMismatches: mismatches,
    revisedTurns: revised,
    server,
  }
}
