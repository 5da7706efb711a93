import { z } from 'zod'
import { TRANSCRIPT_SET_NAMES, isHeldOutSet } from './transcript-sets.js'

/** The options of `npm run bench:transcripts`, validated like any outside input. */
export const BenchArgsSchema = z
  .object({
    grader: z.enum(['offline', 'llm']).default('offline'),
    /**
     * Which graded set (transcript-sets.ts): `dev` (bench/transcripts/, the offline scale is fitted
     * on it with each question held out), or a blind set such as `fresh` (bench/transcripts-fresh/)
     * or `fresh2` (bench/transcripts-fresh2/), graded with the shipped scale: a held-out test
     * nothing is fitted on.
     */
    set: z.enum(TRANSCRIPT_SET_NAMES).default('dev'),
    /** Folder of cases, one subfolder per question. */
    data: z.string().min(1).optional(),
    /** Requests in flight at once for the LLM grader (the offline grader runs one at a time). */
    concurrency: z.coerce.number().int().min(1).max(32).default(4),
    /** Print only; leave docs/benchmarks.md alone. */
    write: z.boolean().default(true),
    /** Offline only: also write the scale fitted on every question to fitted-score-scale.ts. */
    writeScale: z.boolean().default(false),
    /** Offline only: also print the slowest cases of the timed pass, to see where p99 comes from. */
    perCaseTiming: z.boolean().default(false),
  })
  .refine((a) => !(isHeldOutSet(a.set) && a.writeScale), {
    message:
      'only the dev set is fitted on; a blind set is a test set: the scale is never fitted on it (drop --write-scale)',
    path: ['set'],
  })
export type BenchArgs = z.infer<typeof BenchArgsSchema>

export const BENCH_USAGE = `usage: npm run bench:transcripts [-- --grader offline|llm] [--set ${TRANSCRIPT_SET_NAMES.join('|')}] [--data <dir>] [--concurrency <n>] [--no-write] [--write-scale] [--per-case-timing]`

/** Parses argv (after the script name); a readable error for anything unknown or malformed. */
export function parseBenchArgs(
  argv: readonly string[],
): { ok: true; args: BenchArgs } | { ok: false; message: string } {
  const raw: Record<string, unknown> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--no-write') raw.write = false
    else if (a === '--write-scale') raw.writeScale = true
    else if (a === '--per-case-timing') raw.perCaseTiming = true
    else if (a === '--grader' || a === '--set' || a === '--data' || a === '--concurrency') {
      const value = argv[++i]
      if (value === undefined) return { ok: false, message: `${a} needs a value\n${BENCH_USAGE}` }
      raw[a.slice(2)] = value
    } else return { ok: false, message: `unknown argument ${a}\n${BENCH_USAGE}` }
  }
  const parsed = BenchArgsSchema.safeParse(raw)
  if (parsed.success) return { ok: true, args: parsed.data }
  const issues = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`)
  return { ok: false, message: `${issues.join('\n')}\n${BENCH_USAGE}` }
}
