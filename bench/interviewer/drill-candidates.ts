import type { Question } from '../../server/questions/question-schema.js'
import type { CandidateMove, InterviewerCue } from './candidate-kinds.js'
import {
  EVASIVE_REPLIES,
  INJECTION_ATTEMPTS,
  WEAK_REPLIES,
  type QuestionScript,
} from './candidate-scripts.js'

/**
 * Drill candidates: each drills one framework step of a question (its weak step) and keeps
 * answering the interviewer's rapid follow-ups on it until the interviewer closes the drill.
 * - `drill-weak` never gets there: thin and evasive replies, every rep;
 * - `drill-recovering` starts thin, lists terms, then gives its real answer on the step, then
 *   thin replies again (a solid rep among weak ones, so verdicts and hints must change);
 * - `drill-injector` alternates attempts to get the answer with thin replies.
 */
export const DRILL_KINDS = ['drill-weak', 'drill-recovering', 'drill-injector'] as const
export type DrillKind = (typeof DRILL_KINDS)[number]

export type DrillCandidate = { kind: DrillKind; next: (cue: InterviewerCue) => CandidateMove }

/**
 * The step a question's drills hammer: a different one per question (by its number), so the
 * drills reach every kind of step across the bank, not only the first.
 */
export function drillStepOf(question: Question): number {
  const steps = question.framework.steps.map((s) => s.number)
  return steps[(question.number - 1) % steps.length]!
}

export function createDrillCandidate(
  kind: DrillKind,
  script: QuestionScript,
  step: number,
): DrillCandidate {
  let turn = 0
  const thin = (i: number): CandidateMove => {
    const lines = [...WEAK_REPLIES, ...EVASIVE_REPLIES]
    return { type: 'answer', text: lines[i % lines.length]!, covers: [], form: 'thin' }
  }
  const real: CandidateMove = {
    type: 'answer',
    text: script.steps[step]!,
    covers: [step],
    form: 'step',
  }
  const keywords: CandidateMove = {
    type: 'answer',
    text: script.keywords,
    covers: [],
    form: 'keywords',
  }
  const behaviours: Record<DrillKind, (n: number) => CandidateMove> = {
    'drill-weak': (n) => thin(n),
    'drill-recovering': (n) => (n === 1 ? keywords : n === 2 ? real : thin(n)),
    'drill-injector': (n) =>
      n % 2 === 0
        ? {
            type: 'answer',
            text: INJECTION_ATTEMPTS[(n / 2) % INJECTION_ATTEMPTS.length]!,
            covers: [],
            form: 'injection',
          }
        : thin(n),
  }
  return {
    kind,
    next() {
      const move = behaviours[kind](turn)
      turn += 1
      return move
    },
  }
}
