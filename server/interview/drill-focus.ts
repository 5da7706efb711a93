import type { Question } from '../questions/question-schema.js'
import type { ItemReference } from './question-profile.js'
import { classifyStep, cueOf, type StepKind } from './step-kinds.js'

/** What a drill keeps probing: a framework step, a competency or a rubric criterion. */
export type DrillFocus = {
  /** `step:N`, `competency:Name` or `criterion:Name`: the target of every drill turn. */
  target: string
  label: string
  /** Public text (the framework and competencies are shown to the candidate). */
  description: string
  kind: StepKind
}

/**
 * Resolves a session's focus (`step:N` or `competency:Name`, as the sessions API checked it).
 * An unknown focus falls back to the first framework step rather than failing mid-interview.
 */
export function resolveDrillFocus(question: Question, focus: string | null): DrillFocus {
  const [type, ...rest] = (focus ?? '').split(':')
  const value = rest.join(':').trim()
  if (type === 'competency') {
    const c = question.competencies.find((x) => x.name.toLowerCase() === value.toLowerCase())
    if (c) {
      return {
        target: `competency:${c.name}`,
        label: c.name,
        description: c.description,
        kind: classifyStep(c),
      }
    }
  }
  if (type === 'criterion') {
    const c = question.rubric.find((x) => x.name.toLowerCase() === value.toLowerCase())
    // The rubric's description explains the model answer's score, and hints quote the
    // description: only the name (which the candidate saw in the review) is used.
    if (c) {
      return {
        target: `criterion:${c.name}`,
        label: c.name,
        description: c.name,
        kind: classifyStep({ name: c.name, description: c.description }),
      }
    }
  }
  const steps = question.framework.steps
  const step = steps.find((s) => type === 'step' && s.number === Number(value)) ?? steps[0]!
  return {
    target: `step:${step.number}`,
    label: step.name,
    description: step.description,
    kind: classifyStep(step),
  }
}

/** The focus as a coverage item reference, for competencies (steps are in the map already). */
export function focusReference(focus: DrillFocus): ItemReference {
  return {
    id: focus.target,
    label: focus.label,
    text: `${focus.label}. ${focus.description}`,
    exemplars: [],
    weight: 1,
    cue: cueOf(focus.kind),
  }
}
