import type { Question } from '../questions/question-schema.js'
import { splitSentences } from '../text/index.js'
import { DEFAULT_COVERAGE_TUNING, type CoverageItem } from './coverage-map.js'
import type { CoverageSource } from './coverage-source.js'
import { topicIn, type CoverageTracker } from './coverage-tracker.js'
import { touchedAt } from './gap-picker.js'
import type { CoverageSnapshot } from './interviewer-engine.js'
import { replySteps } from './reply-steps.js'
import { judgeReply } from './reply-substance.js'

/**
 * What a turn's context needs of the coverage source (buildInterviewContext), in one piece: so a
 * worker pool answers it with one request and one reply, where it took one for the map and one
 * for each answer's and each sentence's topic (a dozen round trips for a reply of five sentences,
 * each a message each way and a wake-up of both threads, and the sentences scored again in
 * whichever worker was free).
 */
export type InterviewCoverageRequest = {
  /** The candidate's answers, oldest first, as they count (attempts and keyword lists out). */
  answers: readonly string[]
  focus: string | null
  /** A drill verdict's answer, judged alone too; null otherwise. */
  latestAnswer: string | null
  /** The answers with the question each replied to, for their topics (`topicAnswers`). */
  replies: readonly TopicAnswer[]
}

export type InterviewCoverage = {
  coverage: CoverageSnapshot
  latest: CoverageSnapshot | null
  answerTopics: string[]
}

/**
 * The coverage of a turn's context from a source's maps and topics: the same calls, in the same
 * order, wherever it runs (here on a source that answers later, or in a coverage worker on its
 * tracker, which answers at once).
 */
export async function computeInterviewCoverage(
  source: Pick<CoverageSource, 'snapshot' | 'topicOf'>,
  question: Question,
  request: InterviewCoverageRequest,
): Promise<InterviewCoverage> {
  const [coverage, latest, topics] = await Promise.all([
    source.snapshot(question, request.answers, request.focus),
    request.latestAnswer === null
      ? null
      : source.snapshot(question, [request.latestAnswer], request.focus),
    findAnswerTopicsOf(source, question, request.replies),
  ])
  const answerTopics = await withSentenceTopicsOf(
    source,
    question,
    request.replies,
    topics,
    coveredByMap(coverage.map),
  )
  return { coverage, latest, answerTopics }
}

/**
 * An answer; whether the question it replied to aimed at no step (the opening, a wrap-up); and
 * whether it replied to a mock interview's opening (no follow-up asked yet but a pushback).
 */
export type TopicAnswer = {
  text: string
  open: boolean
  opening?: boolean
  /** The target of the question it replied to (null: an open question). */
  target?: string | null
}

/**
 * The step each answer was mainly about, and each of its sentences, for answers with substance
 * by their form only: a thin line that happens to use a step's words has not dealt with that
 * step. A reply to a question that aimed at no step is credited to nothing else, so its best
 * step, and each sentence's, counts from the level the gap picker calls touched; a reply to a
 * question on X is already credited to X, and its own topics count only from the coverage map's
 * partial level (where the map already calls the step covered). Then the sentences of a reply
 * also count for the steps not yet dealt with that they do (`replyTopics`); `mapCovered` are the
 * steps the whole map calls covered.
 */
export function findAnswerTopics(
  coverage: TopicSource<string | null> & Pick<CoverageTracker, 'snapshot'>,
  question: Question,
  answers: readonly TopicAnswer[],
  mapCovered: readonly string[] = [],
): string[] {
  const topics = joinTopics(question, topicQueries(coverage, question, answers), answers)
  const requests = sentenceRequests(answers, [...topics, ...mapCovered])
  const more = requests.map((r) =>
    replyTopics(
      question,
      r,
      r.sentences.map((s) => stepScores(question, coverage.snapshot(question, [s], null))),
    ),
  )
  return joinSentenceTopics(topics, more.flat())
}

/**
 * The sentence topics of replies, once the answers' own topics are known: a candidate who answers
 * the question on X and goes on to the next steps in the same reply has dealt with those too. The
 * reply is already credited to X (or, for an open question, to its best step and each sentence's
 * best), and the coverage map, seeing words only, often gives the later sentences to X or to a
 * step dealt with earlier (their words overlap: a hypothesis names the tool that tests it); so
 * the reply's sentences are given steps not yet dealt with jointly, from X on (replyTopics).
 */
async function withSentenceTopicsOf(
  coverage: Pick<CoverageSource, 'topicOf' | 'snapshot'>,
  question: Question,
  answers: readonly TopicAnswer[],
  topics: readonly string[],
  mapCovered: readonly string[],
): Promise<string[]> {
  const requests = sentenceRequests(answers, [...topics, ...mapCovered])
  if (requests.length === 0) return [...topics]
  const more = await Promise.all(
    requests.map(async (r) => {
      const maps = await Promise.all(r.sentences.map((s) => coverage.snapshot(question, [s], null)))
      return replyTopics(
        question,
        r,
        maps.map((map) => stepScores(question, map)),
      )
    }),
  )
  return joinSentenceTopics(topics, more.flat())
}

function joinSentenceTopics(topics: readonly string[], more: readonly string[]): string[] {
  return [...new Set([...topics, ...more])]
}

/** Each framework step's score in a sentence's map, in the framework's order (0 when absent). */
function stepScores(question: Question, snapshot: CoverageSnapshot): number[] {
  const byId = new Map(snapshot.map.steps.map((s) => [s.id, s.score]))
  return question.framework.steps.map((s) => byId.get(`step:${s.number}`) ?? 0)
}

/**
 * The steps not yet dealt with that the sentences of one reply do. Jointly (reply-steps.ts): a
 * reply to a question on step k starts at k and mostly goes forward, so a sentence after one on
 * k that the map scores higher on k than on k+1 can still be given k+1 when staying on k pays
 * less. The sentence rule alone (topicIn: its best step not dealt with, from the touched level
 * and at half its best score, the earliest near it) still holds for the first sentence (a
 * candidate may not start with the step asked about) and for a sentence whose step comes before
 * the one asked about (going back, which the joint assignment charges for). Measured with
 * `npx tsx bench/interviewer/sentence-credit-probe.ts` and the bench's several-steps-a-reply runs
 * (docs/benchmarks.md, "Several steps a reply: sentences credited jointly").
 */
function replyTopics(question: Question, request: SentenceRequest, scores: number[][]): string[] {
  const ids = question.framework.steps.map((s) => `step:${s.number}`)
  const dealt = new Set(request.skip.map((id) => ids.indexOf(id)).filter((i) => i >= 0))
  const asked = request.target ? ids.indexOf(request.target) : -1
  // The reply starts with the step asked about (after the one before it); to an open question, anywhere.
  const start = asked >= 0 ? asked - 1 : -1
  const touched = touchedAt(DEFAULT_COVERAGE_TUNING.full)
  const alone = scores.flatMap((row, i) => {
    const scored = row.map((score, j) => ({ id: ids[j]!, score }))
    const topic = topicIn(scored, touched, request.skip)
    return topic !== null && (i === 0 || ids.indexOf(topic) <= start) ? [topic] : []
  })
  return [...alone, ...replySteps(scores, dealt, start).map((i) => ids[i]!)]
}

/** Steps the coverage map calls covered by the words alone (the gap picker's coveredByWords). */
export function coveredByMap(map: { steps: readonly CoverageItem[] }): string[] {
  return map.steps.filter((s) => s.level !== 'none').map((s) => s.id)
}

/**
 * A substantive reply of several sentences, with the question's target it replied to and the
 * steps dealt with (`skip`: the answers' topics, the map's covered steps, the targets answered).
 */
type SentenceRequest = { sentences: string[]; target: string | null; skip: string[] }

/** Each substantive reply of several sentences, for the steps its sentences do (replyTopics). */
function sentenceRequests(
  answers: readonly TopicAnswer[],
  covered: readonly string[],
): SentenceRequest[] {
  const substantive = answers.filter((a) => judgeReply(a.text) === 'substantive')
  const answered = substantive.flatMap((a) => (a.target ? [a.target] : []))
  const skip = [...new Set([...covered, ...answered])].sort()
  return substantive.flatMap((a) => {
    const sentences = splitSentences(a.text).map((s) => s.text)
    return sentences.length > 1 ? [{ sentences, target: a.target ?? null, skip }] : []
  })
}

/** findAnswerTopics for a coverage source that may answer later (the worker pool). */
async function findAnswerTopicsOf(
  coverage: Pick<CoverageSource, 'topicOf'>,
  question: Question,
  answers: readonly TopicAnswer[],
): Promise<string[]> {
  const topics = await Promise.all(topicQueries(coverage, question, answers))
  return joinTopics(question, topics, answers)
}

/** What the answer topics ask of a coverage source: CoverageSource's calls, answered now or later. */
type TopicSource<Topic> = {
  topicOf(question: Question, answer: string, minScore?: number, skip?: readonly string[]): Topic
}

/** The coverage queries behind the answer topics: each substantive answer's main step. */
function topicQueries<Topic>(
  coverage: TopicSource<Topic>,
  question: Question,
  answers: readonly TopicAnswer[],
): Topic[] {
  return topicRequests(answers).map((r) => coverage.topicOf(question, r.text, r.minScore))
}

/** The answers' topics, then the first step when a substantive reply answered the opening, once each. */
function joinTopics(
  question: Question,
  topics: readonly (string | null)[],
  answers: readonly TopicAnswer[],
): string[] {
  const all = [...topics, openingStep(question, answers)]
  return [...new Set(all.filter((topic): topic is string => topic !== null))]
}

/**
 * The framework's first step, when a substantive reply answered a mock interview's opening
 * (through a redirect, a clarification, a keyword list and its pushback): the opening asks where
 * the candidate would start, and the reply counts toward that start as the reply to a follow-up
 * on X counts toward X, whatever words it uses. A framework's steps are in the order an answer
 * takes them (assumptions, hypotheses, the situation...), and the coverage map, which sees only
 * words, often gives such a start to another step: "The candidates in my head are a saturated
 * connection pool, the planner picking another index..." scores 0.05 on "Hypothesis Generation"
 * and 0.53 on "Tool Application", whose description names the connection pool, and the
 * interviewer's first follow-up then asked for the hypotheses again. Until 2026-12-03 the start
 * counted only when the reply touched the first step (0.18): on the labelled answers of
 * bench:coverage, 27 of 33 first-step answers touch it against 32 of 126 others, so a reply below
 * that level is a first step only if more than about 80% of openings start there; in the bench's
 * candidate kinds 5 of the 6 that open with substance do (the out-of-order one opens with the last
 * step), and with the touched condition 2.9-3.1% of follow-ups were aimed at a covered step with
 * candidates in other words, 12-15% on four questions, nearly all of them this first follow-up.
 * What crediting costs when the candidate started elsewhere: the first step is not a gap, as a
 * follow-up's target is not after any substantive reply; the wrap-ups and the pressing
 * questions can still reach it. Null when no such reply was given.
 */
function openingStep(question: Question, answers: readonly TopicAnswer[]): string | null {
  const first = question.framework.steps[0]
  const opened = answers.some((a) => a.opening && judgeReply(a.text) === 'substantive')
  return first && opened ? `step:${first.number}` : null
}

function topicRequests(
  answers: readonly TopicAnswer[],
): Array<{ text: string; minScore?: number }> {
  return answers
    .filter((a) => judgeReply(a.text) === 'substantive')
    .flatMap((a) => {
      if (!a.open) return [{ text: a.text }]
      // Each sentence of a reply to an open question has its own best step too: the reply may go
      // through several steps, and its best step overall is one of them only. (A reply to a
      // question on a step needs none: there a topic counts from the map's partial level, at
      // which the map already calls the step covered.)
      const sentences = splitSentences(a.text).map((s) => s.text)
      const parts = sentences.length > 1 ? [a.text, ...sentences] : [a.text]
      return parts.map((text) => ({ text, minScore: touchedAt(DEFAULT_COVERAGE_TUNING.full) }))
    })
}
