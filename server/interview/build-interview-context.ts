import type { QuestionBank } from '../questions/question-bank.js'
import type { Question } from '../questions/question-schema.js'
import type { SessionWithTurns, Turn, TurnKind } from '../sessions/session-schema.js'
import { DEFAULT_COVERAGE_TUNING } from './coverage-map.js'
import { touchedAt } from './gap-picker.js'
import type { CoverageSource } from './coverage-source.js'
import { withoutInjection } from './injection-detector.js'
import { countFollowUps } from './interview-progress.js'
import { judgeReply, listedTerms } from './reply-substance.js'
import type { CoverageSnapshot, InterviewContext, InterviewTrigger } from './interviewer-engine.js'

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

/**
 * An answer; whether the question it replied to aimed at no step (the opening, a wrap-up); and
 * whether it replied to a mock interview's opening (no follow-up asked yet but a pushback).
 */
export type TopicAnswer = { text: string; open: boolean; opening?: boolean }

/**
 * The step each answer was mainly about, for answers with substance by their form only: a thin
 * line that happens to use a step's words has not dealt with that step. A reply to a question
 * that aimed at no step is credited to nothing else, so its best step counts from the level the
 * gap picker calls touched; a reply to a question on X is already credited to X, and its own
 * topic counts only from the coverage map's partial level.
 */
export function findAnswerTopics(
  coverage: TopicSource<string | null, CoverageSnapshot>,
  question: Question,
  answers: readonly TopicAnswer[],
): string[] {
  const { topics, opening } = topicQueries(coverage, question, answers)
  return joinTopics(question, topics, opening)
}

/** findAnswerTopics for a coverage source that may answer later (the worker pool). */
async function findAnswerTopicsOf(
  coverage: CoverageSource,
  question: Question,
  answers: readonly TopicAnswer[],
): Promise<string[]> {
  const queries = topicQueries(coverage, question, answers)
  const [topics, opening] = await Promise.all([Promise.all(queries.topics), queries.opening])
  return joinTopics(question, topics, opening)
}

/** What the answer topics ask of a coverage source: CoverageSource's calls, answered now or later. */
type TopicSource<Topic, Snapshot> = {
  topicOf(question: Question, answer: string, minScore?: number): Topic
  snapshot(question: Question, answers: readonly string[], focus: null): Snapshot
}

/**
 * The coverage queries behind the answer topics, sent in this order: each substantive answer's
 * main step, then the map of the reply to the opening alone (null when there is none).
 */
function topicQueries<Topic, Snapshot>(
  coverage: TopicSource<Topic, Snapshot>,
  question: Question,
  answers: readonly TopicAnswer[],
): { topics: Topic[]; opening: Snapshot | null } {
  const first = firstOpeningAnswer(answers)
  return {
    topics: topicRequests(answers).map((r) => coverage.topicOf(question, r.text, r.minScore)),
    opening: first === null ? null : coverage.snapshot(question, [first], null),
  }
}

/** The answers' topics, then the first step when the reply to the opening started with it. */
function joinTopics(
  question: Question,
  topics: readonly (string | null)[],
  opening: CoverageSnapshot | null,
): string[] {
  return [...topics, opening === null ? null : startOf(question, opening)].filter(
    (topic): topic is string => topic !== null,
  )
}

/** The first substantive reply to a mock interview's opening, or null. */
function firstOpeningAnswer(answers: readonly TopicAnswer[]): string | null {
  return answers.find((a) => a.opening && judgeReply(a.text) === 'substantive')?.text ?? null
}

/**
 * The framework's first step, when the reply to the opening touches it (the gap picker's touched
 * level), though another step may score higher: the opening asks where the candidate would
 * start, and a framework's steps are in the order an answer takes them (assumptions, the
 * hypotheses, the situation...), so a candidate starts with the first step far more often than
 * with any other. The map alone often gives such a start to a neighbour: "My suspects, most
 * likely first: ..." scores 0.18 on "Hypothesis Generation" and 0.36 on "Root Cause Isolation",
 * and the interviewer then asked for the hypotheses as if new. On the labelled answers of
 * bench:coverage (one answer at a time), 27 of the 33 substantive answers that do a first step
 * touch it and 32 of the 126 that do not: if at least 45% of openings start with the first step,
 * one that touches it more likely did it than not. Null otherwise.
 */
function startOf(question: Question, snapshot: CoverageSnapshot): string | null {
  const first = snapshot.map.steps.find(
    (s) => s.id === `step:${question.framework.steps[0]?.number}`,
  )
  return first && first.score >= touchedAt(DEFAULT_COVERAGE_TUNING.full) ? first.id : null
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
      out.push({ text, open: target === null, opening })
    }
  }
  return out
}

/** Interviewer turns that leave a question pending (a redirect repeats the pending one). */
const ASKING: ReadonlySet<TurnKind> = new Set(['question', 'follow-up', 'verdict', 'redirect'])
