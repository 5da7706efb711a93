import type { QuestionBank } from '../questions/question-bank.js'
import type { Question } from '../questions/question-schema.js'
import type { SessionWithTurns, Turn, TurnKind } from '../sessions/session-schema.js'
import { DEFAULT_COVERAGE_TUNING } from './coverage-map.js'
import { touchedAt } from './gap-picker.js'
import type { CoverageSource } from './coverage-source.js'
import { withoutInjection } from './injection-detector.js'
import { countFollowUps } from './interview-progress.js'
import { judgeReply, listedTerms } from './reply-substance.js'
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
  const [coverage, latest, answerTopics] = await Promise.all([
    deps.coverage.snapshot(question, answers, session.focus),
    // Only drill verdicts judge one answer alone; a mock interview needs no second map.
    trigger.type === 'answer' && session.mode === 'drill'
      ? deps.coverage.snapshot(question, [trigger.turn.text], session.focus)
      : null,
    findAnswerTopicsOf(deps.coverage, question, topicAnswers(turns)),
  ])
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

/** An answer, and whether the question it replied to aimed at no step (the opening, a wrap-up). */
export type TopicAnswer = { text: string; open: boolean }

/**
 * The step each answer was mainly about, for answers with substance by their form only: a thin
 * line that happens to use a step's words has not dealt with that step. A reply to a question
 * that aimed at no step is credited to nothing else, so its best step counts from the level the
 * gap picker calls touched; a reply to a question on X is already credited to X, and its own
 * topic counts only from the coverage map's partial level.
 */
export function findAnswerTopics(
  coverage: { topicOf(question: Question, answer: string, minScore?: number): string | null },
  question: Question,
  answers: readonly TopicAnswer[],
): string[] {
  return topicRequests(answers)
    .map((r) => coverage.topicOf(question, r.text, r.minScore))
    .filter((topic): topic is string => topic !== null)
}

/** findAnswerTopics for a coverage source that may answer later (the worker pool). */
async function findAnswerTopicsOf(
  coverage: CoverageSource,
  question: Question,
  answers: readonly TopicAnswer[],
): Promise<string[]> {
  const topics = await Promise.all(
    topicRequests(answers).map((r) => coverage.topicOf(question, r.text, r.minScore)),
  )
  return topics.filter((topic): topic is string => topic !== null)
}

function topicRequests(answers: readonly TopicAnswer[]) {
  return answers
    .filter((a) => judgeReply(a.text) === 'substantive')
    .map((a) => ({
      text: a.text,
      minScore: a.open ? touchedAt(DEFAULT_COVERAGE_TUNING.full) : undefined,
    }))
}

/** The candidate's answers with whether each replied to a question that aimed at no step. */
export function topicAnswers(turns: readonly Turn[]): TopicAnswer[] {
  const out: TopicAnswer[] = []
  let target: string | null = null
  for (const turn of turns) {
    if (turn.role === 'interviewer' && ASKING.has(turn.kind)) target = turn.target
    if (turn.role !== 'candidate' || turn.kind !== 'answer') continue
    const text = withoutInjection(turn.text)
    if (text.length > 0 && listedTerms(text) === null) out.push({ text, open: target === null })
  }
  return out
}

/** Interviewer turns that leave a question pending (a redirect repeats the pending one). */
const ASKING: ReadonlySet<TurnKind> = new Set(['question', 'follow-up', 'verdict', 'redirect'])
