import type { InterviewProgress } from '../protocol/interview-protocol.js'
import type { Session, Turn, TurnKind } from '../sessions/session-schema.js'

/** Interviewer turns that spend one follow-up of the budget. */
const SPENDS_BUDGET: ReadonlySet<TurnKind> = new Set(['follow-up', 'verdict'])

export function countFollowUps(turns: readonly Turn[]): number {
  return turns.filter((t) => t.role === 'interviewer' && SPENDS_BUDGET.has(t.kind)).length
}

/** Progress for the clock and budget display, from the stored transcript alone. */
export function computeProgress(session: Session, turns: readonly Turn[]): InterviewProgress {
  const verdicts = turns.filter((t) => t.role === 'interviewer' && t.kind === 'verdict')
  return {
    followUpsAsked: countFollowUps(turns),
    followUpBudget: session.options.followUpBudget,
    drillTally:
      session.mode === 'drill'
        ? {
            answered: verdicts.length,
            solid: verdicts.filter((t) => /^\s*verdict:\s*solid\b/i.test(t.text)).length,
          }
        : null,
  }
}

/** When the visible clock runs out, or null without a time limit. */
export function sessionDeadline(session: Session): Date | null {
  const minutes = session.options.timeLimitMinutes
  if (minutes === null) return null
  return new Date(new Date(session.createdAt).getTime() + minutes * 60_000)
}

/** The turn as the candidate may see it during the interview: no notes for the grader. */
export function toLiveTurn(turn: Turn): Turn {
  return { ...turn, hiddenNotes: null }
}
