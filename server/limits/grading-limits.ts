import { DEFAULT_SESSION_LIMITS } from '../interview/session-limits.js'

/** What the grading queue may take on; every one configurable through env (see env.ts). */
export type GradingLimits = {
  /**
   * Gradings run at once on the offline grader, across identities taking turns. It has one
   * worker thread, so more than one only queues inside the worker instead of fairly here.
   */
  offlineConcurrency: number
  /** Gradings run at once on the LLM grader: network-bound, so a few. */
  llmConcurrency: number
  /**
   * Characters of text one grading job may hold (a pasted transcript for `POST /api/grade`):
   * a 2 MB paste once held the one grading worker for half a minute while others waited.
   */
  maxTranscriptChars: number
}

export const DEFAULT_GRADING_LIMITS: GradingLimits = {
  offlineConcurrency: 1,
  llmConcurrency: 4,
  // As much as a session's transcript may hold, so any session's transcript can be pasted.
  maxTranscriptChars: DEFAULT_SESSION_LIMITS.maxTranscriptChars,
}

const MB = 1024 * 1024

/**
 * The body limit of `POST /api/grade` for a job of at most `maxTranscriptChars` characters,
 * checked before the body is read: room for the text at 5 bytes a character (JSON escapes and
 * multi-byte UTF-8), and never under 2 MB, so the turns' ids and the envelope always fit.
 */
export function transcriptBodyBytes(maxTranscriptChars: number): number {
  return Math.max(2 * MB, maxTranscriptChars * 5)
}
