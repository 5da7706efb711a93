import type { GradableTranscript } from '../../../server/grading/grade-schema.js'
import type { LlmGradeOutput } from '../../../server/grading/llm-grader-output.js'

export const transcript: GradableTranscript = {
  questionId: 'sample-question',
  turns: [
    {
      id: 't1',
      role: 'interviewer',
      text: 'A customer was charged twice for one order. Find out why and fix it.',
    },
    {
      id: 't2',
      role: 'candidate',
      text: 'The client retries the charge after a timeout, but the first charge had already gone through.',
    },
    { id: 't3', role: 'interviewer', text: 'How would you fix it?' },
    {
      id: 't4',
      role: 'candidate',
      text: 'Send an idempotency key built from the order id, so a retry returns the first result.',
    },
  ],
}

/** A grader reply that earns what the sample transcript's content earns. */
export function gradeReply(
  scores: { rootCause?: number; idempotency?: number } = {},
): LlmGradeOutput {
  const criterion = (name: string, turnId: string, quote: string, score: number) => ({
    name,
    evidence: [{ turnId, quote }],
    rationale: `${name}: the candidate said it with specifics.`,
    missing: 'Numbers and monitoring.',
    score,
    verdict: 'scored' as const,
  })
  return {
    criteria: [
      criterion(
        'Root cause',
        't2',
        'The client retries the charge after a timeout',
        scores.rootCause ?? 7,
      ),
      criterion(
        'Idempotency',
        't4',
        'Send an idempotency key built from the order id',
        scores.idempotency ?? 6,
      ),
    ],
    competencies: [
      criterion('Distributed Systems', 't4', 'so a retry returns the first result', 6),
      criterion('Pragmatism', 't2', 'the first charge had already gone through', 5),
    ],
    framework: [
      { step: 1, coverage: 'full' },
      { step: 2, coverage: 'partial' },
      { step: 3, coverage: 'none' },
    ],
    strengths: ['Found the non-idempotent retry'],
    gaps: ['No reconciliation or alerting'],
    nextSteps: ['Practise capacity numbers', 'Add reconciliation', 'Describe alerting'],
  }
}
