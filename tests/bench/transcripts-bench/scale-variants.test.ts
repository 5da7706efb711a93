import { describe, expect, it } from 'vitest'
import { rawMeasure, type RawWeights } from '../../../server/grading/score-scale.js'
import {
  SCALE_VARIANTS,
  type VariantPoint,
} from '../../../bench/transcripts-bench/scale-variants.js'

const weights: RawWeights = {
  specificityWeight: 0.08,
  fillerWeight: 0.75,
  certaintyWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.25, 0.45],
}
const point = (over: Partial<VariantPoint['signals']> = {}): VariantPoint => ({
  recall: 0.5,
  fillerShare: 0.1,
  figures: 4,
  quality: 1,
  topicality: 0.6,
  reach: 0.5,
  overconfidence: 0,
  signals: {
    scenarioShare: 0.3,
    ownWordRecall: 0.2,
    anchoredFigures: 1,
    minimisedCertainty: 0,
    ...over,
  },
})
const variant = (start: string) => SCALE_VARIANTS.find((v) => v.name.startsWith(start))!

describe('SCALE_VARIANTS', () => {
  it('starts with the shipped measure, unchanged', () => {
    expect(SCALE_VARIANTS[0]!.raw(point(), weights)).toBe(rawMeasure(point(), weights))
  })

  it('gates by the scenario share: nothing at 0, half at 0.1, the shipped measure from 0.2', () => {
    const gated = variant('gated by the scenario share')
    const shipped = rawMeasure(point(), weights)
    expect(gated.raw(point({ scenarioShare: 0 }), weights)).toBe(0)
    expect(gated.raw(point({ scenarioShare: 0.1 }), weights)).toBeCloseTo(shipped / 2)
    expect(gated.raw(point({ scenarioShare: 0.3 }), weights)).toBeCloseTo(shipped)
  })

  it('counts only anchored figures in the anchored-figures variant', () => {
    const anchored = variant('figures only in sentences')
    expect(anchored.raw(point(), weights)).toBeCloseTo(
      rawMeasure({ ...point(), figures: 1 }, weights),
    )
    expect(anchored.raw(point(), weights)).toBeLessThan(rawMeasure(point(), weights))
  })

  it('lets minimisers make an answer overconfident that boosters alone would not', () => {
    const minimised = variant('minimisers counted as certainty')
    expect(minimised.raw(point({ minimisedCertainty: 0.25 }), weights)).toBeCloseTo(
      rawMeasure(point(), weights) / 2,
    )
  })

  it('gives a keyword list a fifth of its measure instead of nothing', () => {
    const lists = variant('keyword lists keep 0.2')
    const list = { ...point(), quality: 0 }
    expect(rawMeasure(list, weights)).toBe(0)
    expect(lists.raw(list, weights)).toBeCloseTo(0.2 * rawMeasure(point(), weights))
  })
})
