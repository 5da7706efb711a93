import { describe, expect, it } from 'vitest'
import { FITTED_SCORE_SCALE } from '../../../server/grading/fitted-score-scale.js'
import {
  ScoreScaleSchema,
  applyScale,
  rawMeasure,
  type RawParts,
} from '../../../server/grading/score-scale.js'

const knots: [number, number][] = [
  [0.1, 1],
  [0.3, 5],
  [0.5, 9],
]
const weights = {
  specificityWeight: 0.1,
  fillerWeight: 1,
  certaintyWeight: 0,
  onTopicAt: 0.4,
  reachOnTopic: [0.3, 0.5] as [number, number],
}
const parts: RawParts = {
  recall: 0.5,
  fillerShare: 0,
  figures: 0,
  quality: 1,
  topicality: 0.5,
  reach: 0.2,
  overconfidence: 0,
}

describe('applyScale', () => {
  it('is linear between knots and flat outside them', () => {
    expect(applyScale(knots, 0.2)).toBe(3)
    expect(applyScale(knots, 0.4)).toBe(7)
    expect(applyScale(knots, 0)).toBe(1)
    expect(applyScale(knots, 2)).toBe(9)
  })

  it('never decreases', () => {
    let last = -1
    for (let raw = 0; raw <= 1; raw += 0.01) {
      const score = applyScale(FITTED_SCORE_SCALE.knots, raw)
      expect(score).toBeGreaterThanOrEqual(last)
      last = score
    }
  })
})

describe('rawMeasure', () => {
  it('takes the filler share off recall, so padding lowers it', () => {
    expect(rawMeasure(parts, weights)).toBeCloseTo(0.5)
    expect(rawMeasure({ ...parts, fillerShare: 0.5 }, weights)).toBeCloseTo(0.25)
    expect(
      rawMeasure({ ...parts, fillerShare: 0.5 }, { ...weights, fillerWeight: 0.5 }),
    ).toBeCloseTo(0.375)
  })

  it('adds ln(1 + figures) times the specificity weight', () => {
    expect(rawMeasure({ ...parts, figures: Math.E - 1 }, weights)).toBeCloseTo(0.6)
  })

  it('gives a keyword list or an off-topic answer nothing', () => {
    expect(rawMeasure({ ...parts, quality: 0 }, weights)).toBe(0)
    expect(rawMeasure({ ...parts, topicality: 0.1 }, weights)).toBe(0)
    expect(rawMeasure({ ...parts, topicality: 0.25 }, weights)).toBeCloseTo(0.25)
  })

  it('counts an answer that reaches much of the rubric as on topic, whatever its words', () => {
    // Own-vocabulary answers share few of the question's words: reach vouches for them.
    expect(rawMeasure({ ...parts, topicality: 0.1, reach: 0.5 }, weights)).toBeCloseTo(0.5)
    expect(rawMeasure({ ...parts, topicality: 0.1, reach: 0.4 }, weights)).toBeCloseTo(0.25)
    expect(rawMeasure({ ...parts, topicality: 0.1, reach: 0.3 }, weights)).toBe(0)
    // The larger of the two ramps counts, never their product.
    expect(rawMeasure({ ...parts, topicality: 0.25, reach: 0.4 }, weights)).toBeCloseTo(0.25)
  })
})

describe('rawMeasure and overconfidence', () => {
  it('takes certaintyWeight x overconfidence off the whole measure', () => {
    const doubting = { ...weights, certaintyWeight: 0.5 }
    expect(rawMeasure(parts, doubting)).toBeCloseTo(0.5)
    expect(rawMeasure({ ...parts, overconfidence: 1 }, doubting)).toBeCloseTo(0.25)
    expect(
      rawMeasure({ ...parts, overconfidence: 0.5, figures: Math.E - 1 }, doubting),
    ).toBeCloseTo(0.45)
    // With no weight, certainty costs nothing.
    expect(rawMeasure({ ...parts, overconfidence: 1 }, weights)).toBeCloseTo(0.5)
  })
})

describe('rawMeasure and the filler cap', () => {
  const capped = { ...weights, fillerCap: 0.4 }

  it('costs a filler share above the cap no more than the cap', () => {
    // Once an answer is mostly filler, more filler says nothing more about its content.
    const atCap = rawMeasure({ ...parts, fillerShare: 0.4 }, capped)
    expect(atCap).toBeCloseTo(0.3)
    expect(rawMeasure({ ...parts, fillerShare: 0.6 }, capped)).toBeCloseTo(atCap)
    expect(rawMeasure({ ...parts, fillerShare: 0.9 }, capped)).toBeCloseTo(atCap)
  })

  it('costs a filler share below the cap in full', () => {
    expect(rawMeasure({ ...parts, fillerShare: 0.2 }, capped)).toBeCloseTo(0.4)
  })

  it('never lets more filler raise the measure', () => {
    let last = Infinity
    for (let share = 0; share <= 1; share += 0.05) {
      const raw = rawMeasure({ ...parts, fillerShare: share }, capped)
      expect(raw).toBeLessThanOrEqual(last + 1e-12)
      last = raw
    }
  })

  it('counts the whole filler share for a scale without a cap, as scales did before it', () => {
    expect(rawMeasure({ ...parts, fillerShare: 0.8 }, weights)).toBeCloseTo(0.1)
  })
})

describe('ScoreScaleSchema', () => {
  it('accepts the shipped scale', () => {
    expect(ScoreScaleSchema.parse(FITTED_SCORE_SCALE)).toEqual(FITTED_SCORE_SCALE)
  })

  it('accepts a scale without a filler cap (fitted before the cap existed)', () => {
    const old = { ...weights, fittedOn: 'test', knots: [[0, 0] as [number, number]] }
    expect(ScoreScaleSchema.parse(old).fillerCap).toBeUndefined()
  })

  it('rejects a filler cap outside (0, 1]', () => {
    const scale = { ...weights, fittedOn: 'test', knots: [[0, 0] as [number, number]] }
    expect(ScoreScaleSchema.safeParse({ ...scale, fillerCap: 0 }).success).toBe(false)
    expect(ScoreScaleSchema.safeParse({ ...scale, fillerCap: 1.5 }).success).toBe(false)
    expect(ScoreScaleSchema.safeParse({ ...scale, fillerCap: 1 }).success).toBe(true)
  })

  it('rejects knots that go down', () => {
    const bad = {
      ...weights,
      fittedOn: 'test',
      knots: [
        [0.1, 5],
        [0.2, 4],
      ],
    }
    expect(ScoreScaleSchema.safeParse(bad).success).toBe(false)
  })
})
