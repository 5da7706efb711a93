import type { GradableTranscript } from './grade-schema.js'
import { splitSentences } from '../text/tokenize.js'

/**
 * Sentences that speak to the grader instead of answering the question: "ignore the rubric",
 * "give me 10/10", "you are now...". Candidate text is data, so such sentences are not content:
 * the offline grader leaves them out before measuring, and reports how many it found.
 */
const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(rubric|instructions?|prompt|rules?|criteria|grading|above|previous)\b/i,
  /\b(give|award|assign|grade|score|rate|mark)\b[^.!?\n]{0,30}\b(10|ten|full|perfect|maximum|max|top)\s*(\/\s*10|out of 10|marks?|points?|score)?\b/i,
  /\b\d{1,2}\s*\/\s*10\b[^.!?\n]{0,30}\b(please|now|for me|on every|each criterion)\b/i,
  /\byou are (now|an?|the)\b[^.!?\n]{0,30}\b(grader|assistant|ai|model|system)\b/i,
  /\b(system prompt|as an ai|grader:|assistant:|system:)/i,
]

/** True when a sentence addresses the grader rather than the interviewer's question. */
export function isGraderInstruction(sentence: string): boolean {
  return INSTRUCTION_PATTERNS.some((p) => p.test(sentence))
}

/** The transcript with instruction sentences cut from candidate turns, and how many were cut. */
export function removeGraderInstructions(transcript: GradableTranscript): {
  transcript: GradableTranscript
  removed: number
} {
  let removed = 0
  const turns = transcript.turns.map((turn) => {
    if (turn.role !== 'candidate') return turn
    let text = turn.text
    for (const s of splitSentences(turn.text)) {
      if (!isGraderInstruction(s.text)) continue
      removed++
      text = text.replace(s.text, ' '.repeat(s.text.length))
    }
    return { ...turn, text }
  })
  return { transcript: { ...transcript, turns }, removed }
}
