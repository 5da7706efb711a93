import { describe, expect, it } from 'vitest'
import type { CriterionGrade, GradableTranscript } from '../../../server/grading/grade-schema.js'
import { verifyEvidence } from '../../../server/grading/verify-evidence.js'

const transcript: GradableTranscript = {
  questionId: 'the-payment-race-condition',
  turns: [
    { id: 't1', role: 'interviewer', text: 'How would you stop the double charge?' },
    {
      id: 't2',
      role: 'candidate',
      text: "I'd put an   idempotency key on every\ncharge request, so a retry can’t charge twice.",
    },
  ],
}

function criterion(evidence: CriterionGrade['evidence'], score = 8): CriterionGrade {
  return {
    name: 'Idempotency',
    evidence,
    rationale: 'r',
    missing: '',
    score,
    verdict: 'scored',
    spread: 0,
  }
}

describe('verifyEvidence', () => {
  it('keeps quotes that differ only in whitespace, curly quotes and case', () => {
    const { criteria, dropped } = verifyEvidence(
      [
        criterion([
          { turnId: 't2', quote: 'an idempotency key on every charge request' },
          { turnId: 't2', quote: "A RETRY CAN'T CHARGE TWICE" },
          { turnId: 't2', quote: '“I’d put an idempotency key”' },
        ]),
      ],
      transcript,
    )
    expect(dropped).toBe(0)
    expect(criteria[0]!.evidence).toHaveLength(3)
    // The outer quote marks a grader adds are not part of the quote kept.
    expect(criteria[0]!.evidence[2]!.quote).toBe('I’d put an idempotency key')
    expect(criteria[0]!.score).toBe(8)
    expect(criteria[0]!.verdict).toBe('scored')
  })

  it('drops and counts a fabricated quote, keeping the verbatim one', () => {
    const { criteria, dropped } = verifyEvidence(
      [
        criterion([
          { turnId: 't2', quote: 'idempotency key' },
          { turnId: 't2', quote: 'I would use a distributed lock with Redis' },
        ]),
      ],
      transcript,
    )
    expect(dropped).toBe(1)
    expect(criteria[0]!.evidence).toEqual([{ turnId: 't2', quote: 'idempotency key' }])
    expect(criteria[0]!.score).toBe(8)
  })

  it('drops quotes from the interviewer or from another turn', () => {
    const { dropped, criteria } = verifyEvidence(
      [
        criterion([
          { turnId: 't1', quote: 'double charge' },
          { turnId: 't9', quote: 'idempotency key' },
        ]),
      ],
      transcript,
    )
    expect(dropped).toBe(2)
    expect(criteria[0]!.evidence).toEqual([])
  })

  it('caps a criterion left without evidence at 3 and marks it insufficient', () => {
    const { criteria } = verifyEvidence(
      [criterion([{ turnId: 't2', quote: 'two-phase commit' }], 9)],
      transcript,
    )
    expect(criteria[0]!.score).toBe(3)
    expect(criteria[0]!.verdict).toBe('insufficient-evidence')
  })

  it('caps a quote-less high score but keeps a quote-less low score as scored', () => {
    const { criteria, dropped } = verifyEvidence([criterion([], 7), criterion([], 1)], transcript)
    expect(dropped).toBe(0)
    expect(criteria.map((c) => [c.score, c.verdict])).toEqual([
      [3, 'insufficient-evidence'],
      [1, 'scored'],
    ])
  })
})
