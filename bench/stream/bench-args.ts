import { parseLevels, type LoadLevel } from './parse-levels.js'

export const BENCH_MODES = ['direct', 'relay', 'sparring'] as const
export type BenchMode = (typeof BENCH_MODES)[number]

export type BenchOptions = {
  /** The fake model's speeds, tokens a second, run in this order. */
  speeds: number[]
  /** The N to climb at every speed; null: `defaultLevels(speed)`. */
  levels: number[] | null
  defaultLevels: (tokensPerSec: number) => number[]
  modes: BenchMode[]
  /** The Sparring burst run at the first speed, or null. */
  burst: LoadLevel | null
  allLevels: boolean
  replySeconds: number
  limitMs: number
  write: boolean
  cpuProfDir: string | null
}

/**
 * N doubling from 25 up to the level at which a stream of `tokensPerSec` makes as many tokens a
 * second as 800 streams at 20 tokens/s (the bare relay's saturation on 2 cores is well below it),
 * with that level last: a slower model holds proportionally more streams.
 */
export function defaultLevels(tokensPerSec: number): number[] {
  const top = Math.round((800 * 20) / tokensPerSec)
  const levels: number[] = []
  for (let n = 25; n < top; n *= 2) levels.push(n)
  return [...levels, top]
}

function numberList(spec: string, flag: string, min: number, max: number): number[] {
  const values = spec.split(',').map((part) => Number(part.trim()))
  if (values.some((v) => !Number.isFinite(v) || v < min || v > max))
    throw new Error(`${flag}: expected numbers from ${min} to ${max}, got "${spec}"`)
  return values
}

/** The flags of `npm run bench:stream` (see the script's header); throws on a bad value. */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    if (i === -1) return undefined
    const v = args[i + 1]
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`)
    return v
  }
  const modesArg = value('--modes')
  const modes = modesArg === undefined ? [...BENCH_MODES] : modesArg.split(',').map((m) => m.trim())
  const unknown = modes.filter((m) => !(BENCH_MODES as readonly string[]).includes(m))
  if (unknown.length > 0) throw new Error(`--modes: unknown ${unknown.join(', ')}`)
  const levelsArg = value('--levels')
  const burstArg = value('--burst') ?? '200@1000'
  return {
    speeds: numberList(value('--tokens-per-second') ?? '20,5', '--tokens-per-second', 1, 200),
    levels: levelsArg === undefined ? null : parseLevels(levelsArg, 0).map((l) => l.clients),
    defaultLevels,
    modes: modes as BenchMode[],
    burst: args.includes('--no-burst') ? null : parseLevels(burstArg, 1000)[0]!,
    allLevels: args.includes('--all-levels'),
    replySeconds: numberList(value('--reply-seconds') ?? '7.5', '--reply-seconds', 1, 60)[0]!,
    limitMs: numberList(value('--limit-ms') ?? '20', '--limit-ms', 1, 10_000)[0]!,
    write: !args.includes('--no-write'),
    cpuProfDir: value('--cpu-prof-dir') ?? null,
  }
}
