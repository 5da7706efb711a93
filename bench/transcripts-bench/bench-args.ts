import { z } from 'zod'
import {
  FITTABLE_SET_NAMES,
  SHIPPED_FIT_SETS,
  TRANSCRIPT_SET_NAMES,
  isHeldOutSet,
} from './transcript-sets.js'

/** The options of `npm run bench:transcripts`, validated like any outside input. */
export const BenchArgsSchema = z
  .object({
    grader: z.enum(['offline', 'llm']).default('offline'),
    /**
     * Which graded set (transcript-sets.ts): `dev` (bench/transcripts/), `fresh`
     * (bench/transcripts-fresh/), `fresh2` (bench/transcripts-fresh2/) or `fresh3`
     * (bench/transcripts-fresh3/). A set of `fitSets` is graded by the offline grader with each
     * question held out of the fit (every fitted set's section is written by that run); any other
     * set is a blind test, graded with the shipped scale.
     */
    set: z.enum(TRANSCRIPT_SET_NAMES).default('dev'),
    /**
     * Offline only: the sets the scale is fitted on, pooled (`--fit-sets dev,fresh`), each
     * question held out with its cases from every set; the shipped sets by default. A pooled run
     * also grades the same folds with a dev-only fit (the method shipped before), to compare; a
     * run whose sets are not the shipped ones prints only (docs/benchmarks.md keeps the shipped).
     */
    fitSets: z
      .array(z.enum(FITTABLE_SET_NAMES))
      .min(1)
      .refine((s) => new Set(s).size === s.length, 'a set is named twice')
      .default([...SHIPPED_FIT_SETS]),
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
  .refine((a) => !(isHeldOutSet(a.set, a.fitSets) && a.writeScale), {
    message:
      'only the sets of --fit-sets are fitted on; a blind set is a test set: the scale is never fitted on it (drop --write-scale)',
    path: ['set'],
  })
  // The shipped scale is fitted on SHIPPED_FIT_SETS: grading one of them with it is no test.
  .refine((a) => a.grader === 'llm' || !isHeldOutSet(a.set, a.fitSets) || isHeldOutSet(a.set), {
    message:
      'the shipped scale is fitted on this set, so graded with it the set is no blind test: its held-out figures come from a run that fits on it (add it to --fit-sets)',
    path: ['set'],
  })
export type BenchArgs = z.infer<typeof BenchArgsSchema>

export const BENCH_USAGE = `usage: npm run bench:transcripts [-- --grader offline|llm] [--set ${TRANSCRIPT_SET_NAMES.join('|')}] [--fit-sets ${FITTABLE_SET_NAMES.join(',')}] [--data <dir>] [--concurrency <n>] [--no-write] [--write-scale] [--per-case-timing]`

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
    else if (
      a === '--grader' ||
      a === '--set' ||
      a === '--data' ||
      a === '--concurrency' ||
      a === '--fit-sets'
    ) {
      const value = argv[++i]
      if (value === undefined) return { ok: false, message: `${a} needs a value\n${BENCH_USAGE}` }
      if (a === '--fit-sets') raw.fitSets = value.split(',').map((s) => s.trim())
      else raw[a.slice(2)] = value
    } else return { ok: false, message: `unknown argument ${a}\n${BENCH_USAGE}` }
  }
  const parsed = BenchArgsSchema.safeParse(raw)
  if (parsed.success) return { ok: true, args: parsed.data }
  const issues = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`)
  return { ok: false, message: `${issues.join('\n')}\n${BENCH_USAGE}` }
}
