import { describe, expect, it } from 'vitest'
import {
  bestThreshold,
  leaveOneQuestionOut,
  measure,
  type ScoredPair,
} from '../../bench/coverage-metrics.js'

const pair = (questionId: string, score: number, covered: boolean): ScoredPair => ({
  questionId,
  score,
  covered,
})

describe('coverage metrics', () => {
  it('counts a decision at or above the threshold as covered', () => {
    const m = measure([pair('a', 0.5, true), pair('a', 0.4, false), pair('a', 0.2, true)], 0.4)
    expect(m).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 0 })
    expect(m.f1).toBeCloseTo(0.5)
  })

  it('picks the threshold with the best F1', () => {
    expect(bestThreshold([pair('a', 0.3, true), pair('a', 0.25, false)])).toBe(0.26)
  })

  it('never lets a question choose its own threshold', () => {
    // Question a alone would pick 0.6; b and c pick 0.3, which misclassifies its negative; c gets 0.21 from a and b.
    const pairs = [
      pair('a', 0.7, true),
      pair('a', 0.5, false),
      pair('b', 0.35, true),
      pair('b', 0.2, false),
      pair('c', 0.32, true),
      pair('c', 0.25, false),
    ]
    const { confusion, thresholds } = leaveOneQuestionOut(pairs)
    expect(thresholds.get('a')).toBeCloseTo(0.26)
    expect(confusion.fp).toBe(2)
    expect(confusion.tp).toBe(3)
  })
})
