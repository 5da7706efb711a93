import { describe, expect, it } from 'vitest'
import {
  bootstrapF1,
  type AnswerPair,
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

describe('bootstrapF1', () => {
  // 20 answers of two steps each: the first list right on all but 4 answers, the second on all.
  const answers = Array.from({ length: 20 }, (_, i) => `answer ${i}`)
  const decide = (wrong: (i: number) => boolean): AnswerPair[] =>
    answers.flatMap((answer, i) => [
      { questionId: `q${i % 3}`, answer, covered: true, score: wrong(i) ? 0 : 1 },
      { questionId: `q${i % 3}`, answer, covered: false, score: 0 },
    ])
  const some = decide((i) => i % 5 === 0)
  const all = decide(() => false)

  it('gives a point interval when every resample scores the same', () => {
    const { f1, difference } = bootstrapF1([all, all], 1)
    expect(f1[0]).toEqual({ low: 1, high: 1 })
    expect(difference[1]).toEqual({ low: 0, high: 0 })
  })

  it('brackets the observed F1 and pairs the differences by answer', () => {
    const observed = measure(some, 1).f1
    const { f1, difference } = bootstrapF1([some, all], 1, { samples: 500 })
    expect(f1[0]!.low).toBeLessThan(observed)
    expect(f1[0]!.high).toBeGreaterThanOrEqual(observed)
    // Paired: the second list is never worse on any resample.
    expect(difference[1]!.low).toBeGreaterThanOrEqual(0)
    expect(difference[1]!.high).toBeGreaterThan(0)
  })

  it('is the same for the same seed', () => {
    expect(bootstrapF1([some], 1, { seed: 7 })).toEqual(bootstrapF1([some], 1, { seed: 7 }))
  })

  it('refuses lists that do not hold the same pairs in the same order', () => {
    expect(() => bootstrapF1([some, [...some].reverse()], 1)).toThrow(/same pairs/)
  })
})
