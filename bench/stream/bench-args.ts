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
  /** Idle sessions opened to read memory per open session (0: not measured). */
  memorySessions: number
  /** Tries more for a failing level before the climb stops. */
  retries: number
  /** Levels run halfway between the largest passing N and the first failing one, at most. */
  refine: number
  replySeconds: number
  limitMs: number
  write: boolean
  cpuProfDir: string | null
}

/** Rounded to two significant digits, so the levels read as the round numbers they stand for. */
const roundTwoDigits = (n: number) => {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1)
  return Math.round(n / unit) * unit
}

/**
 * Six levels rising by a constant factor from 25 to the N at which streams of `tokensPerSec` make
 * as many tokens a second as 800 streams at 20 tokens/s (well past the bare relay's saturation on
 * 2 cores): doubling at 20 tokens/s, larger steps for a slower model, so every speed costs about
 * the same time to climb.
 */
export function defaultLevels(tokensPerSec: number): number[] {
  const top = Math.round((800 * 20) / tokensPerSec)
  const steps = 5
  return Array.from({ length: steps + 1 }, (_, i) =>
    roundTwoDigits(25 * (top / 25) ** (i / steps)),
  ).filter((n, i, all) => n >= 1 && (i === 0 || n > all[i - 1]!))
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
    memorySessions: numberList(
      value('--memory-sessions') ?? '500',
      '--memory-sessions',
      0,
      5000,
    )[0]!,
    retries: numberList(value('--retries') ?? '1', '--retries', 0, 1)[0]!,
    refine: numberList(value('--refine') ?? '3', '--refine', 0, 8)[0]!,
    replySeconds: numberList(value('--reply-seconds') ?? '7.5', '--reply-seconds', 1, 60)[0]!,
    limitMs: numberList(value('--limit-ms') ?? '20', '--limit-ms', 1, 10_000)[0]!,
    write: !args.includes('--no-write'),
    cpuProfDir: value('--cpu-prof-dir') ?? null,
  }
}
