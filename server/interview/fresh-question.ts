import type { Question } from '../questions/question-schema.js'
import type { Turn } from '../sessions/session-schema.js'
import type { ConversationMemory } from './conversation-memory.js'
import type { CoverageItem } from './coverage-map.js'
import { composeProbe, type ComposedProbe } from './follow-up-composer.js'
import { WRAP_UP_QUESTIONS } from './follow-up-templates.js'
import { isInjectionAttempt } from './injection-detector.js'
import { pendingPlanPhase } from './plan-phases.js'
import { closestOverlap, isNearRepeat, labelStems } from './question-similarity.js'
import { hashSeed } from './seeded-choice.js'
import type { StepKind } from './step-kinds.js'

/** The question's step and criterion names: the words templates fill in, not their own. */
export function questionLabels(question: Question): ReadonlySet<string> {
  return labelStems([
    ...question.framework.steps.map((s) => s.name),
    ...question.rubric.map((c) => c.name),
    ...question.competencies.map((c) => c.name),
  ])
}

/** The candidate's answers so far (attempts to get the answer left out), one a line. */
export function answersSoFar(turns: readonly Turn[]): string {
  return turns
    .filter((t) => t.role === 'candidate' && t.kind === 'answer' && !isInjectionAttempt(t.text))
    .map((t) => t.text)
    .join('\n')
}

/** True when every wrap-up question was asked (or one close to it): a further one would repeat. */
export function wrapUpsUsed(asked: readonly string[]): boolean {
  return WRAP_UP_QUESTIONS.every((q) => isNearRepeat(q, asked))
}

/** What a fresh question is about: a step or criterion, or null for a wrap-up question. */
export type FreshTarget = {
  kind: StepKind
  label: string
  coverage: CoverageItem | null
  move?: 'drill'
} | null

/**
 * A question from the offline engine's templates that was not asked before in the session (nor
 * in `memory.questions`, which the caller may extend with questions it dropped): what the LLM
 * interviewer asks when every question its model wrote was a repeat.
 */
export function composeFreshQuestion(input: {
  question: Question
  turns: readonly Turn[]
  memory: Pick<ConversationMemory, 'questions' | 'quotes'>
  target: FreshTarget
  seed: string
}): ComposedProbe {
  const { target, memory } = input
  if (target === null) {
    // A diagnosis framework stops at the cause: how the candidate would fix it, ship it and know
    // it worked comes before any question about the plan as a whole.
    const phase = pendingPlanPhase({
      question: input.question,
      answers: answersSoFar(input.turns),
      asked: memory.questions,
    })
    if (phase) return { text: phase.question, question: phase.question, quote: null, move: 'open' }
    const start = hashSeed(`${input.seed}:wrap`)
    const rotated = WRAP_UP_QUESTIONS.map(
      (_, i) => WRAP_UP_QUESTIONS[(start + i) % WRAP_UP_QUESTIONS.length]!,
    )
    const question = rotated.find((q) => !isNearRepeat(q, memory.questions)) ?? rotated[0]!
    return { text: question, question, quote: null, move: 'open' }
  }
  const compose = (seed: string) =>
    composeProbe({
      kind: target.kind,
      label: target.label,
      coverage: target.coverage,
      memory,
      labelStems: questionLabels(input.question),
      answers: answersSoFar(input.turns),
      seed,
      ...(target.move ? { move: target.move } : {}),
    })
  // The templates are compared without the step's name; a model's question on the same step
  // can still share most of its words with one once the name is counted ("what is the first
  // concrete thing you would do on phase 2: content negotiation (weeks 5-8)?"). Of a few template
  // rotations (each fresh by the composer's own measure), the one least close to those asked
  // with the name counted is taken.
  const tries = Array.from({ length: ROTATIONS }, (_, i) => compose(`${input.seed}:${i}`))
  const overlap = tries.map((p) => closestOverlap(p.question, memory.questions))
  return tries[overlap.indexOf(Math.min(...overlap))]!
}

/** Template rotations compared for the question least close to those asked, name counted. */
const ROTATIONS = 6
