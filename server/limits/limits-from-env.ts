import type { Env } from '../env.js'
import type { SessionLimits } from '../interview/session-limits.js'
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from '../ws/socket-guard.js'
import type { GradingLimits } from './grading-limits.js'
import type { QuotaSettings } from './quotas.js'

/**
 * The unsent bytes one socket may hold: room for a snapshot of the largest transcript a session
 * may have (6 bytes a character JSON-escaped at worst, plus 1 MB for the rest), never under the
 * 4 MB default, so raising SESSION_MAX_TRANSCRIPT_CHARS cannot make a big session's resume look
 * like a slow reader.
 */
export function unsentBytesFor(maxTranscriptChars: number): number {
  return Math.max(DEFAULT_SOCKET_LIMITS.maxUnsentBytes, maxTranscriptChars * 6 + 1024 * 1024)
}

/** The rate limits, quotas, caps and grading-queue limits the environment sets (README, .env.example). */
export function limitsFromEnv(env: Env): {
  quotas: QuotaSettings
  gradingLimits: GradingLimits
  sessionLimits: SessionLimits
  socketLimits: SocketLimits
} {
  return {
    sessionLimits: {
      maxTurns: env.SESSION_MAX_TURNS,
      maxCandidateTurns: {
        answer: env.SESSION_MAX_ANSWERS,
        skip: env.SESSION_MAX_SKIPS,
        clarify: env.SESSION_MAX_CLARIFYING_QUESTIONS,
      },
      maxTranscriptChars: env.SESSION_MAX_TRANSCRIPT_CHARS,
    },
    socketLimits: {
      ...DEFAULT_SOCKET_LIMITS,
      maxFramesPerSecond: env.STREAM_MAX_FRAMES_PER_SECOND,
      maxUnsentBytes: unsentBytesFor(env.SESSION_MAX_TRANSCRIPT_CHARS),
    },
    quotas: {
      sessionsPerMinute: env.SESSIONS_PER_MINUTE,
      answersPerMinute: env.ANSWERS_PER_MINUTE,
      gradingsPerHour: env.GRADINGS_PER_HOUR,
      concurrentGradings: env.CONCURRENT_GRADINGS,
      llmDailyTokenBudget: env.LLM_DAILY_TOKEN_BUDGET,
      addressFactor: env.ADDRESS_LIMIT_FACTOR,
    },
    gradingLimits: {
      offlineConcurrency: env.OFFLINE_GRADING_CONCURRENCY,
      llmConcurrency: env.LLM_GRADING_CONCURRENCY,
      maxTranscriptChars: env.GRADING_MAX_CHARS,
    },
  }
}
