import { describe, expect, it } from 'vitest'
import { askedBefore } from '../../../server/grading/asked-before.js'
import { listCandidateSentences } from '../../../server/grading/candidate-sentences.js'

describe('askedBefore', () => {
  it("maps each candidate sentence to the interviewer's last question before its turn", () => {
    const transcript = {
      questionId: 'q',
      turns: [
        { id: 'c0', role: 'candidate' as const, text: 'Let me start before any question.' },
        { id: 'i1', role: 'interviewer' as const, text: 'How will you know who migrated?' },
        { id: 'c1', role: 'candidate' as const, text: 'A dashboard per key. An alert too.' },
        { id: 'i2', role: 'interviewer' as const, text: 'Anything else?' },
        { id: 'i3', role: 'interviewer' as const, text: 'How do you tell unknown clients?' },
        { id: 'c2', role: 'candidate' as const, text: 'Deprecation headers and a banner.' },
      ],
    }
    const { questions, questionOf } = askedBefore(transcript, listCandidateSentences(transcript))
    expect(questions).toEqual([
      'How will you know who migrated?',
      'Anything else?',
      'How do you tell unknown clients?',
    ])
    // The opening sentence answers no question; c2 answers the last of two in a row.
    expect(questionOf).toEqual([-1, 0, 0, 2])
  })
})
