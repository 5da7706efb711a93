import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TranscriptCaseSchema } from '../../../bench/transcripts-bench/transcript-case.js'

const TRANSCRIPTS = fileURLToPath(new URL('../../../bench/transcripts', import.meta.url))

/**
 * The candidate's answers of a hand-written dev-set transcript
 * (bench/transcripts/<question>/<level>.json, validated like the bench reads it), so a browser
 * test can sit an interview the way a real candidate answers, in their own words.
 */
export function candidateAnswers(questionId: string, level: string): string[] {
  const raw: unknown = JSON.parse(
    readFileSync(`${TRANSCRIPTS}/${questionId}/${level}.json`, 'utf8'),
  )
  const transcript = TranscriptCaseSchema.parse(raw)
  return transcript.turns.filter((t) => t.role === 'candidate').map((t) => t.text)
}
