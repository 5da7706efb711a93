/**
 * Fits the coverage map's step model (server/interview/coverage-map.ts `StepModel`) to labelled
 * answers: a softmax over a question's steps and "none", trained by cross-entropy (an answer
 * covering two steps splits its target between them) with a small L2 penalty, by Adam from zero.
 * Deterministic: same data, same weights.
 */
import type { PassageTraits, StepFeatures, StepModel } from '../server/interview/coverage-map.js'

/** One labelled answer: the features of each step of its question, and which it covers. */
export type FitExample = {
  questionId: string
  features: StepFeatures[]
  traits: PassageTraits
  covers: boolean[]
}

export const STEP_FEATURES = ['recall', 'exemplar', 'activity', 'section'] as const
export type StepFeature = (typeof STEP_FEATURES)[number]
const TRAITS = ['dismissal', 'length', 'number'] as const
const TRAIT_WEIGHTS = {
  dismissal: 'noneDismissal',
  length: 'noneLength',
  number: 'noneNumber',
} as const

export type FitOptions = {
  /** L2 penalty per weight (the constant of "none" included), per example. */
  l2: number
  /** Features left out (their weight stays 0): the ablations. */
  without?: readonly StepFeature[]
  iterations?: number
}

export function fitStepModel(examples: readonly FitExample[], options: FitOptions): StepModel {
  const used = STEP_FEATURES.filter((f) => !options.without?.includes(f))
  const fitted = fitSoftmax(
    examples.map((e) => ({
      steps: e.features.map((f) => used.map((name) => f[name])),
      none: TRAITS.map((t) => e.traits[t]),
      covers: e.covers,
    })),
    options,
  )
  const model: StepModel = {
    recall: 0,
    exemplar: 0,
    activity: 0,
    section: 0,
    none: round(fitted.noneConstant),
    noneDismissal: 0,
    noneLength: 0,
    noneNumber: 0,
  }
  used.forEach((name, k) => (model[name] = round(fitted.step[k]!)))
  TRAITS.forEach((t, k) => (model[TRAIT_WEIGHTS[t]] = round(fitted.none[k]!)))
  return model
}

/** One labelled answer as any feature set describes it: a vector per step, one for "none". */
export type SoftmaxExample = {
  steps: readonly (readonly number[])[]
  none: readonly number[]
  covers: readonly boolean[]
}
/** Weights of a softmax over steps and "none": `none` has a constant besides its weights. */
export type SoftmaxWeights = { step: number[]; none: number[]; noneConstant: number }

/**
 * The fit behind `fitStepModel`, for any features: z = step . x for each step, and
 * none . g + constant for "none"; cross-entropy plus `l2` on every weight, by Adam from zero.
 */
export function fitSoftmax(
  examples: readonly SoftmaxExample[],
  options: { l2: number; iterations?: number },
): SoftmaxWeights {
  const stepDims = examples[0]?.steps[0]?.length ?? 0
  const noneDims = (examples[0]?.none.length ?? 0) + 1
  const dims = stepDims + noneDims
  const w = new Float64Array(dims)
  const m = new Float64Array(dims)
  const v = new Float64Array(dims)
  const rows = examples.map((e) => ({
    x: e.steps,
    g: [...e.none, 1],
    target: targetOf(e.covers),
  }))
  const iterations = options.iterations ?? 1500
  const rate = 0.05
  for (let it = 1; it <= iterations; it++) {
    const grad = new Float64Array(dims)
    for (const { x, g, target } of rows) {
      const z = x.map((xs) => xs.reduce((s, xv, k) => s + xv * w[k]!, 0))
      const none = g.reduce((s, gv, k) => s + gv * w[stepDims + k]!, 0)
      const top = Math.max(none, ...z)
      const ez = z.map((zv) => Math.exp(zv - top))
      const en = Math.exp(none - top)
      const total = en + ez.reduce((a, b) => a + b, 0)
      ez.forEach((e, j) => {
        const r = e / total - target.steps[j]!
        x[j]!.forEach((xv, k) => (grad[k]! += r * xv))
      })
      const rn = en / total - target.none
      g.forEach((gv, k) => (grad[stepDims + k]! += rn * gv))
    }
    for (let k = 0; k < dims; k++) {
      const gk = grad[k]! / rows.length + options.l2 * w[k]!
      m[k] = 0.9 * m[k]! + 0.1 * gk
      v[k] = 0.999 * v[k]! + 0.001 * gk * gk
      const mHat = m[k]! / (1 - 0.9 ** it)
      const vHat = v[k]! / (1 - 0.999 ** it)
      w[k] = w[k]! - (rate * mHat) / (Math.sqrt(vHat) + 1e-8)
    }
  }
  return {
    step: [...w.subarray(0, stepDims)],
    none: [...w.subarray(stepDims, dims - 1)],
    noneConstant: w[dims - 1]!,
  }
}

/** The chances a softmax fitted by `fitSoftmax` gives each step of one passage. */
export function softmaxChances(
  weights: SoftmaxWeights,
  steps: readonly (readonly number[])[],
  none: readonly number[],
): number[] {
  const z = steps.map((x) => x.reduce((s, xv, k) => s + xv * weights.step[k]!, 0))
  const n = none.reduce((s, gv, k) => s + gv * weights.none[k]!, weights.noneConstant)
  const top = Math.max(n, ...z)
  const e = z.map((v) => Math.exp(v - top))
  const total = Math.exp(n - top) + e.reduce((a, b) => a + b, 0)
  return e.map((v) => v / total)
}

function targetOf(covers: readonly boolean[]): { steps: number[]; none: number } {
  const n = covers.filter(Boolean).length
  return { steps: covers.map((c) => (c && n > 0 ? 1 / n : 0)), none: n === 0 ? 1 : 0 }
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
