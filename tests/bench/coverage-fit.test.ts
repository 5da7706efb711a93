import { describe, expect, it } from 'vitest'
import {
  fitSoftmax,
  fitStepModel,
  softmaxChances,
  type FitExample,
} from '../../bench/coverage-fit.js'
import { stepChances } from '../../server/interview/coverage-map.js'

// Two steps; the covered one has the higher recall, and answers covering none have low recall on
// both. The exemplar feature is noise.
const examples: FitExample[] = Array.from({ length: 40 }, (_, i) => {
  const target = i % 3
  const features = [0, 1].map((j) => ({
    recall: target === j + 1 ? 0.6 + (i % 5) / 20 : 0.1 + (i % 4) / 40,
    exemplar: ((i * 7 + j) % 10) / 10,
    activity: 0,
    section: 0,
  }))
  return {
    questionId: `q${i % 4}`,
    features,
    traits: { dismissal: 0, length: 2, number: 0 },
    covers: [target === 1, target === 2],
  }
})

describe('fitStepModel', () => {
  it('learns a weight for the feature that tells covered from not', () => {
    const model = fitStepModel(examples, { l2: 0.003 })
    expect(model.recall).toBeGreaterThan(2)
    expect(Math.abs(model.exemplar)).toBeLessThan(model.recall / 2)
    for (const e of examples) {
      const chances = stepChances(e.features, e.traits, model)
      e.covers.forEach((covered, j) => expect(chances[j]! >= 0.5).toBe(covered))
    }
  })

  it('keeps a left-out feature at 0', () => {
    expect(fitStepModel(examples, { l2: 0.003, without: ['recall'] }).recall).toBe(0)
  })

  it('is fitSoftmax on the named features, with chances that stepChances agrees with', () => {
    const generic = fitSoftmax(
      examples.map((e) => ({
        steps: e.features.map((f) => [f.recall, f.exemplar, f.activity, f.section]),
        none: [e.traits.dismissal, e.traits.length, e.traits.number],
        covers: e.covers,
      })),
      { l2: 0.003 },
    )
    const named = fitStepModel(examples, { l2: 0.003 })
    expect(generic.step[0]).toBeCloseTo(named.recall, 1)
    expect(generic.noneConstant).toBeCloseTo(named.none, 1)
    const e = examples[1]!
    const chances = softmaxChances(
      generic,
      e.features.map((f) => [f.recall, f.exemplar, f.activity, f.section]),
      [e.traits.dismissal, e.traits.length, e.traits.number],
    )
    stepChances(e.features, e.traits, named).forEach((c, j) => expect(chances[j]).toBeCloseTo(c, 2))
    expect(chances.reduce((a, b) => a + b, 0)).toBeLessThan(1)
  })
})
