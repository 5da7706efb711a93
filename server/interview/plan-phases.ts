import type { Question } from '../questions/question-schema.js'
import { isNearRepeat } from './question-similarity.js'
import { classifyStep, cueOf, type StepKind } from './step-kinds.js'

/**
 * A phase of the plan that a diagnosis framework stops short of: the question a demanding
 * interviewer asks about it, and the words by which the candidate's answers have already done it.
 */
export type PlanPhase = {
  kind: 'fix' | 'rollout' | 'verification'
  question: string
  /** What the LLM interviewer is told to ask, in the brief's words (no content of the answer). */
  brief: string
  done: RegExp
}

/**
 * Words of a change being made, not of a cause being looked for. "I'd add tracing" is diagnosis,
 * so bare verbs like "add" or "switch" do not count; the performance fixes named here are those
 * of the bank's diagnosis questions (slow pages, slow queries), the only ones these phases serve.
 */
const FIX_WORDS =
  /\b(fix\w*|solution|solv(e|es|ed|ing)|resolv(e|es|ed|ing)|mitigat\w*|remediat\w*|patch\w*|batch\w*|dataloader|paginat\w*|code[- ]?split\w*|lazy[- ]?load\w*|refactor\w*|rewrit\w*|optimi[sz]\w*|denormali[sz]\w*|add (an |a )?index\w*|virtuali[sz]\w*|defer\w*)\b/i

/** Beyond the verification cue (step-kinds.ts), which has "verify", "regression", "make sure". */
const VERIFY_WORDS = /\b(prove\w*|before and after|a\/b|control group)\b/i

const ROLLOUT_WORDS = /\b(roll ?back|revert\w*|kill switch)\b/i

/** In the order an interview reaches them: fix, then how it ships, then how it is known to work. */
const PHASES: readonly PlanPhase[] = [
  {
    kind: 'fix',
    question:
      'Say your leading suspect is confirmed. What exactly would you change, and how would you know the change fixed it?',
    brief: 'how they would fix the cause once confirmed (ask, do not suggest a fix)',
    done: FIX_WORDS,
  },
  {
    kind: 'rollout',
    question:
      'How would you get that change into production safely, and what would make you roll it back?',
    brief: 'how they would ship the fix safely and what would make them roll it back',
    done: new RegExp(`${cueOf('rollout')!.source}|${ROLLOUT_WORDS.source}`, 'i'),
  },
  {
    kind: 'verification',
    question:
      'Once it is live, how would you confirm that users actually see the improvement, and how would you catch it coming back?',
    brief: 'how they would confirm the fix worked for users and catch a regression',
    done: new RegExp(`${cueOf('verification')!.source}|${VERIFY_WORDS.source}`, 'i'),
  },
]

/** Step kinds that already carry the plan past the diagnosis. */
const PLAN_KINDS: ReadonlySet<StepKind> = new Set([
  'implementation',
  'rollout',
  'trade-offs',
  'failure-modes',
])

/**
 * The phases a question's framework leaves out: only a diagnosis framework (steps that find a
 * cause, none that change anything) ends before the fix. The bank's performance mysteries do
 * ("Root Cause: identify the 2.8 second gap"), and an interviewer who stops there never asks how
 * the candidate would fix it, ship it or know it worked; a design question's framework (options,
 * costs, phases) carries its own plan, and its candidates are not asked these.
 */
export function missingPlanPhases(question: Question): readonly PlanPhase[] {
  const kinds = question.framework.steps.map((s) => classifyStep(s))
  if (!kinds.includes('root-cause') || kinds.some((k) => PLAN_KINDS.has(k))) return []
  return PHASES.filter((p) => p.kind !== 'verification' || !kinds.includes('verification'))
}

/**
 * The next plan phase to ask about once the framework and rubric are dealt with: the first the
 * framework leaves out that the candidate's answers have not done and that was not asked (nor
 * anything close to it). Null when none is left.
 */
export function pendingPlanPhase(input: {
  question: Question
  /** The candidate's answers so far, one a line. */
  answers: string
  asked: readonly string[]
}): PlanPhase | null {
  for (const phase of missingPlanPhases(input.question)) {
    if (phase.done.test(input.answers)) continue
    if (isNearRepeat(phase.question, input.asked)) continue
    return phase
  }
  return null
}
