import type { TranscriptGrader } from './grading-service.js'
import { createLlmGrader, type LlmGradeOutcome, type LlmGraderDeps } from './llm-grader.js'

/** Why the LLM grader produced no grade; the grading service falls back to the offline grader. */
export class LlmGradeError extends Error {
  override name = 'LlmGradeError'
  constructor(readonly outcome: Exclude<LlmGradeOutcome, { ok: true }>) {
    const details =
      outcome.code === 'invalid_output' ? `: ${outcome.errors.slice(0, 5).join('; ')}` : ''
    super(`${outcome.message}${details}`, {
      cause: outcome.code === 'provider_error' ? outcome.error : undefined,
    })
  }
}

/**
 * The LLM grader behind the TranscriptGrader port of the grading service, which expects a grade
 * or a throw: the failure result becomes an LlmGradeError carrying it.
 */
export function createLlmTranscriptGrader(deps: LlmGraderDeps): TranscriptGrader {
  const grader = createLlmGrader(deps)
  return {
    kind: 'llm',
    async grade(question, transcript, signal) {
      const outcome = await grader.grade(question, transcript, signal)
      if (outcome.ok) return outcome.grade
      throw new LlmGradeError(outcome)
    },
  }
}
