import type { QuestionBank } from '../questions/question-bank.js'
import type { SessionWithTurns, Turn, TurnKind } from '../sessions/session-schema.js'
import type { CoverageSource } from './coverage-source.js'
import { withoutInjection } from './injection-detector.js'
import {
  computeInterviewCoverage,
  type InterviewCoverageRequest,
  type TopicAnswer,
} from './interview-coverage.js'
import { countFollowUps } from './interview-progress.js'
import { listedTerms } from './reply-substance.js'
import type { InterviewContext, InterviewTrigger } from './interviewer-engine.js'

/**
 * What an engine gets for its next turn: the stored session, the question and the coverage
 * (computed by the coverage source: a worker pool in the server, off this thread).
 */
export async function buildInterviewContext(
  deps: { bank: QuestionBank; coverage: CoverageSource },
  session: SessionWithTurns,
  trigger: InterviewTrigger,
): Promise<InterviewContext> {
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
  const request: InterviewCoverageRequest = {
    answers,
    focus: session.focus,
    // Only drill verdicts judge one answer alone; a mock interview needs no second map.
    latestAnswer: trigger.type === 'answer' && session.mode === 'drill' ? trigger.turn.text : null,
    replies: topicAnswers(turns),
  }
  // In one piece when the source can (the worker pool: one request), else call by call.
  const { coverage, latest, answerTopics } = deps.coverage.interview
    ? await deps.coverage.interview(question, request)
    : await computeInterviewCoverage(deps.coverage, question, request)
  return {
    session: plain,
    question,
    turns,
    trigger,
    coverage,
    latest,
    answerTopics,
    followUpsAsked: countFollowUps(turns),
    followUpBudget: session.options.followUpBudget,
  }
}

/** The candidate's answers with whether each replied to a question that aimed at no step. */
export function topicAnswers(turns: readonly Turn[]): TopicAnswer[] {
  const out: TopicAnswer[] = []
  let target: string | null = null
  // The opening is pending until a follow-up asks something else: a redirect repeats it and a
  // pushback on a keyword list asks for the same answer in depth.
  let opening = false
  for (const turn of turns) {
    if (turn.role === 'interviewer' && ASKING.has(turn.kind)) {
      target = turn.target
      if (turn.kind === 'question') opening = turn.target === null
      else if (turn.kind !== 'redirect' && turn.probe?.move !== 'pushback') opening = false
    }
    if (turn.role !== 'candidate' || turn.kind !== 'answer') continue
    const text = withoutInjection(turn.text)
    if (text.length > 0 && listedTerms(text) === null) {
      out.push({ text, open: target === null, opening, target })
    }
  }
  return out
}

/** Interviewer turns that leave a question pending (a redirect repeats the pending one). */
const ASKING: ReadonlySet<TurnKind> = new Set(['question', 'follow-up', 'verdict', 'redirect'])
