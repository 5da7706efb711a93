import type { Question } from '../questions/question-schema.js'
import type { InterviewCoverage, InterviewCoverageRequest } from './interview-coverage.js'
import type { CoverageSnapshot } from './interviewer-engine.js'

/**
 * Where the interview gets coverage maps from: a CoverageTracker computing them on this thread,
 * or the worker pool (coverage-worker-pool.ts) computing them off it. The orchestrator awaits
 * either, so the answer path does not care which.
 */
export type CoverageSource = {
  snapshot(
    question: Question,
    answers: readonly string[],
    focus: string | null,
  ): CoverageSnapshot | Promise<CoverageSnapshot>
  /** The framework step one answer is mainly about (CoverageTracker.topicOf). */
  topicOf(
    question: Question,
    answer: string,
    minScore?: number,
    skip?: readonly string[],
  ): string | null | Promise<string | null>
  /**
   * Everything a turn's context needs (interview-coverage.ts) in one call, when the source can
   * do better than the calls above one by one (the worker pool: one request, not a dozen).
   * The same result as computeInterviewCoverage on this source.
   */
  interview?(question: Question, request: InterviewCoverageRequest): Promise<InterviewCoverage>
}
