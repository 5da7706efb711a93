import { redactSecrets } from '../llm/redact-secrets.js'
import type { TranscriptGrader } from './grading-service.js'
import { createLlmGrader, type LlmGradeOutcome, type LlmGraderDeps } from './llm-grader.js'

/**
 * Why the LLM grader produced no grade; the grading service falls back to the offline grader.
 * Its message is shown in grading progress and logged, and an invalid reply's errors quote the
 * model's own text (JSON.parse cites it), so it passes the redactor like every upstream message.
 */
export class LlmGradeError extends Error {
  override name = 'LlmGradeError'
  constructor(readonly outcome: Exclude<LlmGradeOutcome, { ok: true }>) {
    const details =
      outcome.code === 'invalid_output' ? `: ${outcome.errors.slice(0, 5).join('; ')}` : ''
    super(redactSecrets(`${outcome.message}${details}`), {
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
