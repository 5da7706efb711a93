import type { Env } from '../env.js'
import type { GradingLimits } from './grading-limits.js'
import type { QuotaSettings } from './quotas.js'

/** The rate limits, quotas and grading-queue limits the environment sets (README, .env.example). */
export function limitsFromEnv(env: Env): { quotas: QuotaSettings; gradingLimits: GradingLimits } {
  return {
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
