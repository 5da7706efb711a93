import { describe, expect, it } from 'vitest'
import { pickWeakestCriteria } from '../../../../../web/src/features/history/hooks/weakest-criteria.js'
import { attempt } from '../support/attempts.js'

describe('pickWeakestCriteria', () => {
  it('weighs each criterion over its own question, the newest attempt most', () => {
    const weakest = pickWeakestCriteria(
      [
        attempt('a1', 'q', 1, 4, { Locks: 1, Keys: 4 }),
        attempt('a2', 'q', 2, 6, { Locks: 8, Keys: 4 }),
        attempt('b1', 'r', 3, 5, { Cache: 3 }),
      ],
      { limit: 2 },
    )
    // Locks: (8 * 1 + 1 * 0.7) / 1.7 = 5.1, fixed lately; Cache 3 and Keys 4 are weaker.
    expect(weakest).toEqual([
      { questionId: 'r', questionTitle: 'Title of r', name: 'Cache', score: 3, sessions: 1 },
      { questionId: 'q', questionTitle: 'Title of q', name: 'Keys', score: 4, sessions: 2 },
    ])
  })

  it('is empty with no graded session', () => {
    expect(pickWeakestCriteria([])).toEqual([])
  })
})
