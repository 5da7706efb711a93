import { describe, expect, it } from 'vitest'
import {
  fitWithSteps,
  rawMeasureWithSteps,
  STEP_RAMPS,
  stepSignals,
  type StepPoint,
  type StepWeights,
} from '../../../bench/transcripts-bench/steps-on-topic.js'
import { rawMeasure } from '../../../server/grading/score-scale.js'

const point = (over: Partial<StepPoint> = {}): StepPoint => ({
  recall: 0.5,
  fillerShare: 0.1,
  figures: 2,
  quality: 0.9,
  topicality: 0.3,
  reach: 0.3,
  overconfidence: 0.2,
  target: 5,
  steps: 0,
  ...over,
})

const weights: StepWeights = {
  specificityWeight: 0.08,
  fillerWeight: 0.75,
  certaintyWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.25, 0.45],
  stepsOnTopic: null,
}

describe('stepSignals', () => {
  it('gives the mean, the share of steps from the partial level, and the mean against the model', () => {
    const s = stepSignals([0.8, 0.3, 0.1, 0.2], [1, 1, 0.8, 0.6])
    expect(s.mean).toBeCloseTo(0.35)
    expect(s.share).toBe(0.5)
    expect(s.ratio).toBeCloseTo(0.35 / 0.85)
  })

  it('is 0 for no steps or a model answer the step model does not see', () => {
    expect(stepSignals([], [])).toEqual({ mean: 0, share: 0, ratio: 0 })
    expect(stepSignals([0.5], [0]).ratio).toBe(0)
  })
})

describe('rawMeasureWithSteps', () => {
  it("is the product's raw measure without a step ramp", () => {
    for (const p of [point(), point({ topicality: 0.05, reach: 0.1 }), point({ reach: 0.9 })])
      expect(rawMeasureWithSteps(p, weights)).toBeCloseTo(rawMeasure(p, weights), 12)
  })

  it('puts an answer that does the steps on topic whatever its words', () => {
    const offWords = point({ topicality: 0.1, reach: 0.2, steps: 0.9 })
    expect(rawMeasureWithSteps(offWords, weights)).toBe(0)
    const withSteps = { ...weights, stepsOnTopic: [0.5, 0.7] as [number, number] }
    expect(rawMeasureWithSteps(offWords, withSteps)).toBeCloseTo(
      rawMeasure({ ...offWords, topicality: 1 }, weights),
      12,
    )
  })
})

describe('fitWithSteps', () => {
  // Same words and reach everywhere (all below the on-topic ramps); only the steps tell the
  // answers that deserve a score from those that do not.
  const separable = [0.9, 0.8, 0.75, 0.2, 0.1, 0.15].map((steps, i) =>
    point({ topicality: 0.12, reach: 0.2, steps, target: i < 3 ? 8 : 1, recall: 0.5 + i / 100 }),
  )

  it('takes a step ramp when the steps separate what the words do not', () => {
    const fit = fitWithSteps(separable, STEP_RAMPS.mean)
    expect(fit.weights.stepsOnTopic).not.toBeNull()
    const scores = separable.map((p) => rawMeasureWithSteps(p, fit.weights))
    expect(Math.min(...scores.slice(0, 3))).toBeGreaterThan(Math.max(...scores.slice(3)))
  })

  it('keeps no step ramp when the steps say nothing', () => {
    const flat = separable.map((p) => ({ ...p, steps: 0.5 }))
    expect(fitWithSteps(flat, STEP_RAMPS.mean).weights.stepsOnTopic).toBeNull()
  })
})
