import { describe, expect, it } from 'vitest'
import type { TranscriptGrader } from '../../../server/grading/grading-service.js'
import { createGradingAnalyzer } from '../../../server/grading/answer-coverage.js'
import { createOfflineGrader } from '../../../server/grading/offline-grader.js'
import { createOfflineTranscriptGrader } from '../../../server/grading/offline-transcript-grader.js'
import type { Question } from '../../../server/questions/question-schema.js'

const question: Question = {
  id: 'the-payment-race-condition',
  number: 4,
  title: 'The Payment Race Condition',
  difficulty: 'Very High',
  role: 'Senior Full Stack Developer',
  level: 'Senior',
  companies: [],
  prompt: 'Your payment processing loses 0.01% of transactions. Fix it without downtime.',
  scenario: 'Payments sometimes fail or are charged twice.',
  requirements: [],
  competencies: [
    {
      name: 'Distributed Systems Thinking',
      description: 'Reasons about retries and partial failure.',
    },
  ],
  framework: {
    name: 'Fix',
    steps: [
      { number: 1, name: 'Idempotency', description: 'Make charges idempotent with unique keys.' },
    ],
    keyPrinciples: [],
  },
  modelAnswer:
    'I would give every charge an idempotency key stored with a unique constraint, so a retry after a timeout returns the original charge instead of charging the card twice.',
  statedScore: { value: 9, scale: 10 },
  rubric: [
    {
      name: 'Idempotency Understanding',
      description: 'Uses idempotency keys so retries cannot double charge.',
      weight: 1,
    },
  ],
  incomplete: [],
}

describe('createOfflineTranscriptGrader', () => {
  const offline = createOfflineGrader({
    analyzer: createGradingAnalyzer(undefined),
    now: () => new Date(0),
  })

  it('fits the grading service port and grades like the offline grader', async () => {
    const grader: TranscriptGrader = createOfflineTranscriptGrader(offline)
    const transcript = {
      questionId: question.id,
      turns: [{ id: 'c1', role: 'candidate' as const, text: question.modelAnswer }],
    }
    expect(grader.kind).toBe('offline')
    const grade = await grader.grade(question, transcript)
    expect(grade).toEqual(offline.grade(question, transcript))
    // The model answer stays within a point of its stated score.
    expect(Math.abs(grade.overall - 9)).toBeLessThanOrEqual(1)
  })

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const grader = createOfflineTranscriptGrader(offline)
    await expect(
      grader.grade(question, { questionId: question.id, turns: [] }, controller.signal),
    ).rejects.toThrow()
  })
})
