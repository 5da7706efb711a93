import type { Question } from '../questions/question-schema.js'
import type { Probe, Session, TokenUsage, Turn, TurnKind } from '../sessions/session-schema.js'
import type { CoverageItem, CoverageMap } from './coverage-map.js'

/** Why an interview ended: the candidate, the follow-up budget, or the clock. */
export type EndReason = 'candidate' | 'budget' | 'time'

/** What the interviewer is responding to. Candidate turns are already stored. */
export type InterviewTrigger =
  | { type: 'opening' }
  | { type: 'answer'; turn: Turn }
  | { type: 'clarify'; turn: Turn }
  | { type: 'skip'; turn: Turn }
  | { type: 'closing'; reason: EndReason }

/** Coverage of the answers, plus the drill focus scored the same way (null outside drills). */
export type CoverageSnapshot = { map: CoverageMap; focus: CoverageItem | null }

/** Everything an engine may use to write the next interviewer turn. */
export type InterviewContext = {
  session: Session
  question: Question
  /** The stored transcript, oldest first, including the trigger's candidate turn. */
  turns: readonly Turn[]
  trigger: InterviewTrigger
  /** Coverage by every answer so far. */
  coverage: CoverageSnapshot
  /** Coverage by the latest answer alone (drill verdicts judge one answer); null before any. */
  latest: CoverageSnapshot | null
  /**
   * The steps the candidate's substantive answers were each mainly about (the coverage
   * tracker's `topicOf`), oldest first: dealt with, whatever question the answer replied to.
   */
  answerTopics: readonly string[]
  followUpsAsked: number
  followUpBudget: number
}

/** What the engine says about the turn it streamed, stored with it. */
export type InterviewerTurnMeta = {
  kind: TurnKind
  /** `step:N`, `criterion:N`, `competency:Name`, or null (opening, closing, clarification). */
  target: string | null
  /** For the grader; never sent to the candidate during the interview. */
  hiddenNotes: string | null
  usage: TokenUsage | null
  provider: string
  model: string
  /** Sentences the leak guard rewrote or dropped. */
  leaksCaught: number
  /** What the turn asked, stored with it (the interviewer's memory); absent when it asked nothing. */
  probe?: Probe | null
}

/**
 * The whole text of the turn so far, replacing what the stream yielded before: a sentence the
 * candidate already saw is taken back (the LLM interviewer's repeated question). Rare; text is
 * otherwise only ever appended.
 */
export type TurnRevision = { revise: string }

/** What a turn stream yields: text to append, or the turn's whole text revised. */
export type TurnChunk = string | TurnRevision

/** The turn's text after `chunk`. */
export function applyTurnChunk(text: string, chunk: TurnChunk): string {
  return typeof chunk === 'string' ? text + chunk : chunk.revise
}

/** A streamed interviewer turn: yields text deltas (or a revision), returns its metadata. */
export type InterviewerTurnStream = AsyncGenerator<TurnChunk, InterviewerTurnMeta, undefined> & {
  /**
   * Optional: runs the whole turn into `out` (text appended, the turn's whole text revised) in
   * place of stepping it, with the same chunks, order and outcome as stepping it with `next()`
   * and closing it when `out` throws (the turn runner's pumpTurn). A stream that has it reads
   * each model delta and hands it on in one step, without a promise per chunk between them.
   * Called instead of `next()`, on a stream not yet stepped.
   */
  pushTo?(out: TurnSink): Promise<InterviewerTurnMeta>
}

/** Where a turn's text goes: appended deltas, and revisions of the turn's own whole text. */
export type TurnSink = { emit: (delta: string) => void; revise: (whole: string) => void }

/**
 * Writes interviewer turns. Implementations: the offline engine (templates over the coverage
 * map, no network) and the LLM-backed engine (an LlmClient with grounded prompts). Both pass
 * every sentence through the leak guard before yielding it. `signal` aborts the turn when the
 * candidate's socket closes or the session ends.
 */
export interface InterviewerEngine {
  /** `offline`, or the LlmClient's provider (`openai`). */
  readonly provider: string
  readonly model: string
  /** Silence (ms) after which the candidate is told the engine is slow; absent: never slow. */
  readonly slowNoticeMs?: number
  nextTurn(context: InterviewContext, signal: AbortSignal): InterviewerTurnStream
}
