import { describe, expect, it } from 'vitest'
import {
  averageRanks,
  meanAbsoluteError,
  shareOfPairsInOrder,
  shareWithinRange,
  spearman,
} from '../../../bench/transcripts-bench/rank-metrics.js'

describe('rank metrics', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1])
  })

  it('computes Spearman on ranks: 1 for any increasing relation, -1 for reversed', () => {
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 100])).toBeCloseTo(1)
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1)
    // Hand computed: ranks x 1,2,3,4 and y 2,1,4,3; d^2 = 4, rho = 1 - 6*4/(4*15) = 0.6.
    expect(spearman([1, 2, 3, 4], [20, 10, 40, 30])).toBeCloseTo(0.6)
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN()
  })

  it('measures MAE and the share within range, bounds included', () => {
    expect(meanAbsoluteError([1, 5, 9], [2, 5, 6])).toBeCloseTo(4 / 3)
    expect(
      shareWithinRange(
        [4, 6.5, 9],
        [
          [4, 5],
          [6, 7],
          [3, 8],
        ],
      ),
    ).toBeCloseTo(2 / 3)
  })

  it('counts ordered pairs within a group only, equal targets skipped, score ties half', () => {
    const cases = [
      { group: 'a', score: 8, target: 9 },
      { group: 'a', score: 5, target: 7 },
      { group: 'a', score: 5, target: 4 },
      { group: 'a', score: 1, target: 4 },
      { group: 'b', score: 9, target: 1 },
    ]
    // Pairs in a with different targets: (9,7) right, (9,4) right, (9,4) right, (7,4) tie = 0.5,
    // (7,4) right; the pair of equal targets and every pair across groups are left out.
    expect(shareOfPairsInOrder(cases)).toBeCloseTo(4.5 / 5)
  })
})
