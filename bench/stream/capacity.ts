/**
 * The capacity figures of the stream benchmark: from the levels of one mode, run at rising N, the
 * largest N whose added latency stayed under the limit, and how Sparring compares with the floor.
 */

/** One level of one mode as the capacity maths needs it. */
export type LevelOutcome = {
  clients: number
  /** p99 of the added latency (ms) over every delta of the level; null when none arrived. */
  addedP99Ms: number | null
  /** Every client's reply ended, whole and in order. */
  allCompleted: boolean
}

export type Capacity = {
  /** The largest N of the unbroken run of passing levels from the lowest; null if the lowest failed. */
  largest: number | null
  /** The first level that failed; null when none did (then `largest` is only a lower bound). */
  firstFailing: number | null
}

/**
 * A level passes when every reply ended and its added p99 is under `limitMs`. Levels are taken in
 * rising N; the answer is the last one before the first failure, so a lucky pass above a failure
 * (a quieter moment on a shared machine) does not count.
 */
export function findCapacity(levels: readonly LevelOutcome[], limitMs: number): Capacity {
  const sorted = [...levels].sort((a, b) => a.clients - b.clients)
  let largest: number | null = null
  for (const level of sorted) {
    const passed = level.allCompleted && level.addedP99Ms !== null && level.addedP99Ms < limitMs
    if (!passed) return { largest, firstFailing: level.clients }
    largest = level.clients
  }
  return { largest, firstFailing: null }
}

export type CapacityRatio = {
  ratio: number
  /** `exact` when both found a failing level; otherwise which way the true ratio may lie. */
  bound: 'exact' | 'at most' | 'at least' | 'unknown'
}

/**
 * Sparring's capacity as a share of the floor's. When the floor never failed its largest N is a
 * lower bound, so the share is at most the ratio; when Sparring never failed, at least. Null when
 * either passed no level at all.
 */
export function compareCapacity(subject: Capacity, floor: Capacity): CapacityRatio | null {
  if (subject.largest === null || floor.largest === null) return null
  const ratio = subject.largest / floor.largest
  const subjectOpen = subject.firstFailing === null
  const floorOpen = floor.firstFailing === null
  const bound =
    subjectOpen && floorOpen
      ? 'unknown'
      : subjectOpen
        ? 'at least'
        : floorOpen
          ? 'at most'
          : 'exact'
  return { ratio, bound }
}

/** CPU ms spent per 1,000 relayed tokens; null when nothing was relayed. */
export function cpuPerThousandTokens(cpuMs: number, tokens: number): number | null {
  return tokens > 0 ? (cpuMs / tokens) * 1000 : null
}

/** KB of resident memory each newly opened session added; null without sessions. */
export function memoryPerSessionKb(
  beforeMb: number,
  openMb: number,
  sessions: number,
): number | null {
  return sessions > 0 ? ((openMb - beforeMb) * 1024) / sessions : null
}
