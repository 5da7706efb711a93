import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

/** The quality levels of the dev set, best first (bench/transcripts/<question-id>/<level>.json). */
export const LEVELS = [
  'excellent-own-words',
  'excellent-concise',
  'good',
  'padded-good',
  'mediocre',
  'mediocre-claims',
  'confident-wrong',
  'poor',
  'keyword-list',
  'off-topic',
] as const

/**
 * The kinds of the fresh set (bench/transcripts-fresh/, written blind as a held-out test), best
 * first by intent; their targets are set per case, so this order is for reading only.
 */
export const FRESH_LEVELS = [
  'excellent',
  'excellent-terse',
  'good',
  'good-rambling',
  'improves-after-followups',
  'mediocre',
  'mediocre-buzzwords',
  'poor',
] as const

const TurnSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['interviewer', 'candidate']),
  text: z.string(),
})

/** One graded transcript: a target score out of 10 set by hand against the rubric. */
export const TranscriptCaseSchema = z
  .object({
    questionId: z.string().min(1),
    level: z.string().min(1),
    target: z.number().min(0).max(10),
    range: z.tuple([z.number().min(0).max(10), z.number().min(0).max(10)]),
    justification: z.string().min(1),
    /** For a variant (padded, with claims): the level of the same answer without the change. */
    baseLevel: z.string().min(1).optional(),
    turns: z.array(TurnSchema).min(1),
  })
  .refine((c) => c.range[0] <= c.target && c.target <= c.range[1], {
    message: 'target must lie within range',
    path: ['range'],
  })
export type TranscriptCase = z.infer<typeof TranscriptCaseSchema>

export class TranscriptCaseError extends Error {
  override name = 'TranscriptCaseError'
}

/**
 * Loads every case under `dir` (one folder per question, one file per level), validated; the
 * file's folder must name its question and its file name its level, so a copied file is caught.
 */
export async function loadTranscriptCases(dir: string): Promise<TranscriptCase[]> {
  const cases: TranscriptCase[] = []
  const problems: string[] = []
  for (const folder of (await readdir(dir, { withFileTypes: true })).filter((d) =>
    d.isDirectory(),
  )) {
    const files = (await readdir(join(dir, folder.name))).filter((f) => f.endsWith('.json')).sort()
    for (const file of files) {
      const where = `${folder.name}/${file}`
      let raw: unknown
      try {
        raw = JSON.parse(await readFile(join(dir, folder.name, file), 'utf8'))
      } catch (err) {
        problems.push(`${where}: not JSON (${(err as Error).message})`)
        continue
      }
      const parsed = TranscriptCaseSchema.safeParse(raw)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
        continue
      }
      if (parsed.data.questionId !== folder.name || `${parsed.data.level}.json` !== file)
        problems.push(`${where}: questionId/level do not match the file's place`)
      cases.push(parsed.data)
    }
  }
  if (problems.length > 0)
    throw new TranscriptCaseError(`invalid transcript cases:\n  ${problems.join('\n  ')}`)
  return cases.sort(
    (a, b) =>
      a.questionId.localeCompare(b.questionId) ||
      levelRank(a.level) - levelRank(b.level) ||
      b.target - a.target ||
      a.level.localeCompare(b.level),
  )
}

/** Every known level in reading order, both sets interleaved (each set's own order kept). */
const LEVEL_ORDER: readonly string[] = [
  'excellent-own-words',
  'excellent',
  'excellent-concise',
  'excellent-terse',
  'good',
  'padded-good',
  'good-rambling',
  'improves-after-followups',
  'mediocre',
  'mediocre-claims',
  'mediocre-buzzwords',
  'confident-wrong',
  'poor',
  'keyword-list',
  'off-topic',
]

/**
 * Position of a level in reading order. Unknown levels (a set with kinds of its own, such as
 * bench/transcripts-fresh2/) come last, and callers order them by target, highest first, so a new
 * set needs no entry here.
 */
export function levelRank(level: string): number {
  const i = LEVEL_ORDER.indexOf(level)
  return i < 0 ? LEVEL_ORDER.length : i
}

/** The words the candidate wrote: the length measure for the length-bias figure. */
export function candidateWords(c: Pick<TranscriptCase, 'turns'>): number {
  return c.turns
    .filter((t) => t.role === 'candidate')
    .reduce((n, t) => n + (t.text.match(/\S+/g)?.length ?? 0), 0)
}
