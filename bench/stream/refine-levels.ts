/**
 * The level search's refinement: the climb's levels double (or more), so its largest passing N
 * can sit anywhere below the next, and a share of the floor read from two such N is coarse (200
 * of 400 reads 0.5 whether the truth is 0.5 or 0.9). Once a mode has a passing level and a
 * failing one above it, the bench runs the level halfway between and keeps the half that holds
 * the boundary, a few times.
 */

/**
 * Rounded to two significant digits of the gap (the gap 200..400 gives steps of 10, 350..400
 * steps of 1), so a refined level reads as a round number yet still splits the gap.
 */
function roundToGap(n: number, gap: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(gap)) - 1)
  return Math.round(n / unit) * unit
}

/**
 * The level to run between the largest passing N and the first failing one; null when they are
 * within `minShare` of the passing N (5 % by default: finer than a shared machine's noise) or
 * next to each other.
 */
export function refinementLevel(passed: number, failed: number, minShare = 0.05): number | null {
  const gap = failed - passed
  if (gap <= Math.max(1, passed * minShare)) return null
  const mid = roundToGap((passed + failed) / 2, gap)
  return mid > passed && mid < failed ? mid : null
}

export type SearchOptions = {
  /** Keep climbing past a failing level (--all-levels). */
  allLevels: boolean
  /** Levels run at most between the largest passing N and the first failing one (--refine). */
  refine: number
}

/**
 * The level search of one mode: climbs `levels` in order, stopping after the first that fails
 * (unless `allLevels`), then halves the gap between the largest passing N (of the unbroken run of
 * passes from the lowest) and the first failing N up to `refine` times. Returns every level run,
 * in rising N.
 */
export async function searchLevels<R extends { clients: number }>(
  levels: readonly number[],
  run: (clients: number) => Promise<R>,
  passes: (row: R) => boolean,
  options: SearchOptions,
): Promise<R[]> {
  const rows: R[] = []
  let largest: number | null = null
  let firstFailing: number | null = null
  for (const clients of [...levels].sort((a, b) => a - b)) {
    const row = await run(clients)
    rows.push(row)
    if (passes(row)) {
      if (firstFailing === null) largest = clients
    } else {
      firstFailing ??= clients
      if (!options.allLevels) break
    }
  }
  for (let i = 0; i < options.refine && largest !== null && firstFailing !== null; i++) {
    const clients = refinementLevel(largest, firstFailing)
    if (clients === null) break
    const row = await run(clients)
    rows.push(row)
    if (passes(row)) largest = clients
    else firstFailing = clients
  }
  return rows.sort((a, b) => a.clients - b.clients)
}
