import type { CandidateSentence } from './candidate-sentences.js'
import type { GradableTranscript } from './grade-schema.js'

/**
 * The interviewer turns that candidate sentences answer, each once, and per sentence the index
 * of the last interviewer turn before its own turn (-1 when none came before it): a candidate's
 * turn mostly answers what was just asked, which says what its sentences are about
 * (evidence-picker.ts).
 */
export function askedBefore(
  transcript: GradableTranscript,
  sentences: readonly CandidateSentence[],
): { questions: string[]; questionOf: number[] } {
  const questions: string[] = []
  const byTurn = new Map<string, number>()
  let last = -1
  for (const turn of transcript.turns) {
    if (turn.role === 'interviewer') last = questions.push(turn.text) - 1
    else byTurn.set(turn.id, last)
  }
  return { questions, questionOf: sentences.map((s) => byTurn.get(s.turnId) ?? -1) }
}
