import type { GradableTranscript } from './grade-schema.js'
import { splitSentences } from '../text/tokenize.js'

/** A sentence the candidate said, verbatim, with the turn it came from. */
export type CandidateSentence = { turnId: string; text: string }

/** Every sentence of the candidate's turns, in order; each is an exact substring of its turn. */
export function listCandidateSentences(transcript: GradableTranscript): CandidateSentence[] {
  return transcript.turns
    .filter((t) => t.role === 'candidate')
    .flatMap((t) => splitSentences(t.text).map((s) => ({ turnId: t.id, text: s.text })))
}

/** All the candidate said, turns joined by blank lines. */
export function joinCandidateText(transcript: GradableTranscript): string {
  return transcript.turns
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text)
    .join('\n\n')
}
