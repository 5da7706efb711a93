import type { QuestionBank } from '../questions/question-bank.js'
import type { SessionWithTurns } from '../sessions/session-schema.js'
import type { CoverageTracker } from './coverage-tracker.js'
import { withoutInjection } from './injection-detector.js'
import { countFollowUps } from './interview-progress.js'
import { listedTerms } from './reply-substance.js'
import type { InterviewContext, InterviewTrigger } from './interviewer-engine.js'

/** What an engine gets for its next turn: the stored session, the question and the coverage. */
export function buildInterviewContext(
  deps: { bank: QuestionBank; coverage: CoverageTracker },
  session: SessionWithTurns,
  trigger: InterviewTrigger,
): InterviewContext {
  const question = deps.bank.get(session.questionId)
  if (!question) throw new Error(`question ${session.questionId} is not in the bank`)
  // An attempt to get the answer is not an answer: its sentences neither cover nor get quoted,
  // while the rest of the same turn still counts.
  // A bare keyword list names steps without doing any: it covers nothing (it gets a pushback).
  const answers = session.turns
    .filter((t) => t.kind === 'answer')
    .map((t) => withoutInjection(t.text))
    .filter((text) => text.length > 0 && listedTerms(text) === null)
  const { turns, ...plain } = session
  return {
    session: plain,
    question,
    turns,
    trigger,
    coverage: deps.coverage.snapshot(question, answers, session.focus),
    // Only drill verdicts judge one answer alone; a mock interview needs no second map.
    latest:
      trigger.type === 'answer' && session.mode === 'drill'
        ? deps.coverage.snapshot(question, [trigger.turn.text], session.focus)
        : null,
    followUpsAsked: countFollowUps(turns),
    followUpBudget: session.options.followUpBudget,
  }
}
