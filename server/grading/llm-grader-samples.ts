import type { LlmCriterion, LlmGradeOutput } from './llm-grader-output.js'

const LEVELS = ['none', 'partial', 'full'] as const
type Level = (typeof LEVELS)[number]

/** One criterion merged over k samples: the median score and max - min as the spread. */
export type MergedCriterion = LlmCriterion & { spread: number }

export type MergedGrade = {
  criteria: MergedCriterion[]
  competencies: MergedCriterion[]
  framework: Map<number, Level>
  strengths: string[]
  gaps: string[]
  nextSteps: string[]
}

/**
 * Merges k valid samples (all with the same names, in the question's order). Per criterion the
 * score is the median and the spread is max - min; the evidence, rationale and verdict come from
 * the sample closest to that median, so the words explain the score shown. Step coverage takes
 * the lower median level; strengths, gaps and next steps come from the most typical sample.
 */
export function mergeSamples(samples: readonly LlmGradeOutput[]): MergedGrade {
  if (samples.length === 0) throw new Error('mergeSamples: no samples')
  const criteria = mergeLists(samples.map((s) => s.criteria))
  const competencies = mergeLists(samples.map((s) => s.competencies))
  const typical = mostTypical(samples, criteria)
  return {
    criteria,
    competencies,
    framework: mergeFramework(samples),
    strengths: typical.strengths,
    gaps: typical.gaps,
    nextSteps: typical.nextSteps,
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return Math.round(value * 10) / 10
}

function mergeLists(lists: readonly LlmCriterion[][]): MergedCriterion[] {
  return lists[0]!.map((_, i) => {
    const versions = lists.map((list) => list[i]!)
    const scores = versions.map((v) => v.score)
    const score = median(scores)
    const closest = versions.reduce((best, v) =>
      Math.abs(v.score - score) < Math.abs(best.score - score) ? v : best,
    )
    const spread = Math.round((Math.max(...scores) - Math.min(...scores)) * 10) / 10
    return { ...closest, score, spread }
  })
}

function mergeFramework(samples: readonly LlmGradeOutput[]): Map<number, Level> {
  const byStep = new Map<number, number[]>()
  for (const sample of samples) {
    for (const f of sample.framework) {
      byStep.set(f.step, [...(byStep.get(f.step) ?? []), LEVELS.indexOf(f.coverage)])
    }
  }
  const merged = new Map<number, Level>()
  for (const [step, levels] of byStep) {
    const sorted = levels.sort((a, b) => a - b)
    merged.set(step, LEVELS[sorted[Math.floor((sorted.length - 1) / 2)]!]!)
  }
  return merged
}

function mostTypical(
  samples: readonly LlmGradeOutput[],
  merged: MergedCriterion[],
): LlmGradeOutput {
  const distance = (s: LlmGradeOutput) =>
    s.criteria.reduce((sum, c, i) => sum + Math.abs(c.score - merged[i]!.score), 0)
  return samples.reduce((best, s) => (distance(s) < distance(best) ? s : best))
}
