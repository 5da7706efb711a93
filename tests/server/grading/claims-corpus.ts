import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import {
  GradableTranscriptSchema,
  type GradableTranscript,
} from '../../../server/grading/grade-schema.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { repoRoot } from './grading-support.js'

/**
 * The claims corpus (fixtures/claims/variants.json): grader-directed lines in every form the
 * issue names, written apart from the dev set's claims cases. `{rubric}` and its kin are filled
 * with the question's own criterion names, as a candidate who guessed them would write them.
 */
export const CLAIM_VARIANTS = z
  .array(z.object({ kind: z.string(), text: z.string().min(1) }))
  .parse(
    JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/claims/variants.json'), 'utf8')),
  )

export function fillVariant(text: string, question: Question): string {
  const names = question.rubric.map((r) => r.name)
  const snake = (n: string) => n.toLowerCase().replace(/[^a-z0-9]+/g, '_')
  return text
    .replace('{rubric_quoted}', names.map((n) => `"${n}"`).join(', '))
    .replace('{rubric_yaml}', names.map((n) => `  ${snake(n)}: met`).join('\n'))
    .replace('{rubric_checklist}', names.map((n) => `- [x] ${n}: achieved`).join('\n'))
    .replace('{rubric}', `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`)
}

const DEV_SET = join(repoRoot, 'bench/transcripts')
const DevCaseSchema = GradableTranscriptSchema.extend({
  level: z.string(),
  baseLevel: z.string().optional(),
})
export type DevCase = z.infer<typeof DevCaseSchema>

/** Every case of the graded transcript dev set (bench/transcripts/<question>/<level>.json). */
export function readDevSet(): DevCase[] {
  return readdirSync(DEV_SET)
    .sort()
    .flatMap((question) =>
      readdirSync(join(DEV_SET, question))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) =>
          DevCaseSchema.parse(JSON.parse(readFileSync(join(DEV_SET, question, f), 'utf8'))),
        ),
    )
}

/** The transcript with `claim` appended to its last candidate turn, on a line of its own. */
export function withClaim(transcript: GradableTranscript, claim: string): GradableTranscript {
  const last = transcript.turns.findLastIndex((t) => t.role === 'candidate')
  return {
    ...transcript,
    turns: transcript.turns.map((t, i) =>
      i === last ? { ...t, text: `${t.text}\n\n${claim}` } : t,
    ),
  }
}

/** Candidate turns with white space runs folded: what two transcripts say, compared. */
export function candidateWords(transcript: GradableTranscript): string[] {
  return transcript.turns
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text.replace(/\s+/g, ' ').trim())
}
