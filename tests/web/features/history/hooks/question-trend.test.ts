import { describe, expect, it } from 'vitest'
import {
  buildQuestionTrend,
  listTrendQuestions,
} from '../../../../../web/src/features/history/hooks/question-trend.js'
import { attempt } from '../support/attempts.js'

const attempts = [
  attempt('a1', 'q', 1, 4, { Locks: 3, Keys: 5 }),
  attempt('b1', 'other', 2, 8, { Cache: 8 }),
  attempt('a2', 'q', 3, 5.5, { Locks: 6 }),
  attempt('a3', 'q', 4, 5, { Locks: 5.5, Keys: 7 }),
]

describe('buildQuestionTrend', () => {
  it('follows one question, with each change from the previous attempt that scored it', () => {
    const trend = buildQuestionTrend(attempts, 'q')!
    expect(trend.attempts.map((a) => a.sessionId)).toEqual(['a1', 'a2', 'a3'])
    expect(trend.rows).toEqual([
      { name: 'Overall', scores: [4, 5.5, 5], deltas: [null, 1.5, -0.5] },
      { name: 'Locks', scores: [3, 6, 5.5], deltas: [null, 3, -0.5] },
      { name: 'Keys', scores: [5, null, 7], deltas: [null, null, 2] },
    ])
  })

  it('is null for a question never graded', () => {
    expect(buildQuestionTrend(attempts, 'nope')).toBeNull()
  })
})

describe('listTrendQuestions', () => {
  it('lists each question once, the most recently attempted first, with its count', () => {
    expect(listTrendQuestions(attempts)).toEqual([
      { questionId: 'q', questionTitle: 'Title of q', count: 3 },
      { questionId: 'other', questionTitle: 'Title of other', count: 1 },
    ])
  })
})
