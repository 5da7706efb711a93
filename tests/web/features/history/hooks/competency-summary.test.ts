import { describe, expect, it } from 'vitest'
import { summarizeCompetencies } from '../../../../../web/src/features/history/hooks/competency-summary.js'
import { attempt } from '../support/attempts.js'

describe('summarizeCompetencies', () => {
  it('follows a competency across questions, weakest mean first', () => {
    const summaries = summarizeCompetencies([
      attempt('s2', 'q2', 2, 5, {}, { Caching: 6, Concurrency: 2 }),
      attempt('s1', 'q1', 1, 5, {}, { Caching: 3 }),
      attempt('s3', 'q1', 3, 5, {}, { Caching: 7.5 }),
    ])
    expect(summaries).toEqual([
      { name: 'Concurrency', sessions: 1, questions: 1, latest: 2, mean: 2, change: null },
      { name: 'Caching', sessions: 3, questions: 2, latest: 7.5, mean: 5.5, change: 4.5 },
    ])
  })
})
