import {
  fitBestOfGrid,
  SCALE_WEIGHT_GRID,
  type CalibrationPoint,
  type OrderedPair,
  type ScaleWeights,
} from '../../server/grading/fit-score-scale.js'
import { penalisedFillerShare } from '../../server/grading/score-scale.js'

/**
 * A variant of the offline grader's on-topic factor, measured and not kept: a third ramp, next to
 * topicality and the rubric's reach, from how many of the question's framework steps the answer
 * does by the interviewer's step model (server/interview/coverage-tracker.ts, stems only). The
 * idea: a behavioural answer telling its own story in the framework's order does the steps even
 * when it shares few words with the model answer. Measured here, apart from the product's fit
 * (fit-score-scale.ts), so the product carries no option it does not use.
 */

/** How the step model's scores of an answer become one signal, in [0, 1] or a ratio. */
export const STEP_SIGNALS = ['mean', 'share', 'ratio'] as const
export type StepSignal = (typeof STEP_SIGNALS)[number]

/** The step model's `partial` level (coverage-map.ts): a step scored from here counts as done. */
const STEP_DONE = 0.3

/**
 * The signals of one answer's step scores: their mean, the share of steps done, and the mean as a
 * share of what the model answer itself scores (so a question whose steps the model sees poorly is
 * not held to the others' bar). `model` is the model answer's step scores, same order.
 */
export function stepSignals(
  steps: readonly number[],
  model: readonly number[],
): Record<StepSignal, number> {
  const mean = (xs: readonly number[]) =>
    xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0
  const modelMean = mean(model)
  return {
    mean: mean(steps),
    share: steps.length > 0 ? steps.filter((s) => s >= STEP_DONE).length / steps.length : 0,
    ratio: modelMean > 0 ? mean(steps) / modelMean : 0,
  }
}

/** A calibration point with its step signal. */
export type StepPoint = CalibrationPoint & { steps: number }

/** Per signal, the step ramps tried; null is "no step ramp" (the shipped factor). */
export const STEP_RAMPS: Record<StepSignal, ([number, number] | null)[]> = {
  mean: [null, [0.3, 0.5], [0.4, 0.6], [0.5, 0.7], [0.6, 0.8], [0.5, 0.8]],
  share: [null, [0.4, 0.8], [0.5, 0.9], [0.6, 1], [0.8, 1]],
  ratio: [null, [0.6, 0.9], [0.7, 1], [0.8, 1.1], [0.9, 1.2], [0.6, 1.2]],
}

export type StepWeights = ScaleWeights & { stepsOnTopic: [number, number] | null }

/** The raw measure of score-scale.ts with the step ramp as a third on-topic signal. */
export function rawMeasureWithSteps(p: StepPoint, w: StepWeights): number {
  const content = p.recall * (1 - w.fillerWeight * penalisedFillerShare(p.fillerShare, w.fillerCap))
  const onTopic = Math.max(
    ramp(p.topicality, 0.1, w.onTopicAt),
    ramp(p.reach, w.reachOnTopic[0], w.reachOnTopic[1]),
    w.stepsOnTopic ? ramp(p.steps, w.stepsOnTopic[0], w.stepsOnTopic[1]) : 0,
  )
  const doubt = 1 - w.certaintyWeight * p.overconfidence
  return (content + w.specificityWeight * Math.log1p(p.figures)) * p.quality * onTopic * doubt
}

function ramp(x: number, from: number, to: number): number {
  return Math.min(1, Math.max(0, (x - from) / (to - from)))
}

/**
 * fitScoreScale's selection (fewest inverted ordered pairs, then the lowest mean absolute error)
 * over its grid times the step ramps given.
 */
export function fitWithSteps(
  points: readonly StepPoint[],
  stepRamps: readonly ([number, number] | null)[],
  pairs: readonly OrderedPair[] = [],
): { weights: StepWeights; knots: [number, number][] } {
  const grid = SCALE_WEIGHT_GRID.flatMap((weights) =>
    stepRamps.map((stepsOnTopic): StepWeights => ({ ...weights, stepsOnTopic })),
  )
  return fitBestOfGrid(points, grid, rawMeasureWithSteps, pairs)
}
