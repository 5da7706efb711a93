import type { Question } from '../questions/question-schema.js'
import type { Turn } from '../sessions/session-schema.js'
import type { CoverageItem, CoverageMap } from './coverage-map.js'
import type { ItemReference, QuestionProfile } from './question-profile.js'
import { classifyStep, type StepKind } from './step-kinds.js'

/** The gap the next follow-up aims at. */
export type Gap = {
  /** `step:N` or `criterion:N`. */
  target: string
  label: string
  kind: StepKind
  coverage: CoverageItem
}

export type GapInput = {
  question: Question
  profile: QuestionProfile
  coverage: CoverageMap
  turns: readonly Turn[]
  /** Targets not to pick now (the one the candidate just skipped). */
  exclude?: readonly string[]
  /** Full coverage threshold: a step at or above it is no gap. */
  fullAt: number
}

/**
 * Picks the most important gap: an uncovered framework step, weighted by how much the rubric
 * scores it and by how little the answers covered it, asked about fewer times before. Never the
 * target of the previous interviewer turn (no same step twice in a row). When every step is
 * covered, the least covered rubric criterion; when that too is covered, the weakest step other
 * than the last, to press deeper.
 */
export function pickGap(input: GapInput): Gap {
  const asked = countTargets(input.turns)
  const last = lastTarget(input.turns)
  const blocked = new Set([...(input.exclude ?? []), ...(last ? [last] : [])])
  const rank = (items: CoverageItem[], refs: ItemReference[], openOnly: boolean) =>
    items
      .map((item, i) => ({ item, ref: refs[i]! }))
      .filter(({ item }) => !blocked.has(item.id) && (!openOnly || item.score < input.fullAt))
      .map(({ item, ref }) => ({
        item,
        importance:
          ((1 - Math.min(1, item.score / input.fullAt)) * ref.weight) /
          (1 + 1.5 * (asked.get(item.id) ?? 0)),
      }))
      .sort((a, b) => b.importance - a.importance)

  const { steps, criteria } = input.coverage
  const chosen =
    rank(steps, input.profile.steps, true)[0]?.item ??
    rank(criteria, input.profile.criteria, true)[0]?.item ??
    [...steps].filter((s) => !blocked.has(s.id)).sort((a, b) => a.score - b.score)[0] ??
    steps[0]!
  return {
    target: chosen.id,
    label: chosen.label,
    kind: kindOf(input.question, chosen.id),
    coverage: chosen,
  }
}

/** The step kind of a `step:N` or `criterion:N` target. */
export function kindOf(question: Question, target: string): StepKind {
  const [type, raw] = target.split(':')
  const n = Number(raw)
  if (type === 'step') {
    const step = question.framework.steps.find((s) => s.number === n)
    return step ? classifyStep(step) : 'general'
  }
  if (type === 'criterion') {
    const c = question.rubric[n - 1]
    return c ? classifyStep(c) : 'general'
  }
  return 'general'
}

function countTargets(turns: readonly Turn[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of turns) {
    if (t.role === 'interviewer' && t.target) counts.set(t.target, (counts.get(t.target) ?? 0) + 1)
  }
  return counts
}

/** The target of the latest interviewer turn that had one. */
export function lastTarget(turns: readonly Turn[]): string | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!
    if (t.role === 'interviewer' && t.kind !== 'clarification') return t.target
  }
  return null
}
