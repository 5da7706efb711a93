import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { parseEnv } from '../../../server/env.js'
import {
  DEFAULT_GRADING_LIMITS,
  type GradingLimits,
} from '../../../server/limits/grading-limits.js'
import { DEFAULT_SESSION_LIMITS } from '../../../server/interview/session-limits.js'
import { limitsFromEnv, unsentBytesFor } from '../../../server/limits/limits-from-env.js'
import { DEFAULT_SOCKET_LIMITS } from '../../../server/ws/socket-guard.js'
import { createBrowser } from '../../support/http-client.js'
import { RecordingGrader } from '../../support/recording-grader.js'
import { createTestDeps } from '../../support/test-deps.js'
import { until } from '../../support/until.js'

/**
 * Issue 11, item 2: the grading queue's limits (gradings at once on each grader, the largest
 * job) come from the environment (OFFLINE_GRADING_CONCURRENCY, LLM_GRADING_CONCURRENCY,
 * GRADING_MAX_CHARS) instead of constants in app.ts and report-routes.ts.
 */

const start = { questionId: 'sample-question', mode: 'mock' }
const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}
const paste = (turns: number, text: string) => ({
  questionId: 'sample-question',
  turns: Array.from({ length: turns }, (_, i) => ({ id: `t${i}`, role: 'candidate', text })),
})

/** Three identities each ask for a grading of an ended session while the grader holds. */
async function gradingsStarted(kind: 'offline' | 'llm', limits?: Partial<GradingLimits>) {
  const grader = new RecordingGrader(kind)
  const app = createApp(
    createTestDeps({
      ...(kind === 'llm' ? { llmGrader: grader } : { offlineGrader: grader }),
      gradingLimits: { ...DEFAULT_GRADING_LIMITS, ...limits },
    }),
  )
  grader.hold()
  for (let i = 0; i < 3; i++) {
    const browser = createBrowser(app)
    const { id } = (await (await browser.post('/api/sessions', start)).json()) as { id: string }
    expect((await browser.post(`/api/sessions/${id}/end`)).status).toBe(200)
    expect((await browser.post(`/api/sessions/${id}/grade`)).status).toBe(202)
  }
  await ticks(20)
  return { grader, started: grader.calls.length }
}

describe('grading queue limits', () => {
  it('runs OFFLINE_GRADING_CONCURRENCY gradings at once on the offline grader (1 by default)', async () => {
    const byDefault = await gradingsStarted('offline')
    expect(byDefault.started).toBe(1)
    byDefault.grader.release()
    const two = await gradingsStarted('offline', { offlineConcurrency: 2 })
    expect(two.started).toBe(2)
    two.grader.release()
    await until('the third grading', () => (two.grader.calls.length === 3 ? true : undefined))
  })

  it('runs LLM_GRADING_CONCURRENCY gradings at once on the LLM grader (4 by default)', async () => {
    const byDefault = await gradingsStarted('llm')
    expect(byDefault.started).toBe(3)
    byDefault.grader.release()
    const one = await gradingsStarted('llm', { llmConcurrency: 1 })
    expect(one.started).toBe(1)
    one.grader.release()
  })

  it('refuses a pasted transcript over GRADING_MAX_CHARS with 413, naming the limit', async () => {
    const app = createApp(
      createTestDeps({ gradingLimits: { ...DEFAULT_GRADING_LIMITS, maxTranscriptChars: 5000 } }),
    )
    const browser = createBrowser(app)
    expect((await browser.post('/api/grade', paste(2, 'x'.repeat(2500)))).status).toBe(200)
    const refused = await browser.post('/api/grade', paste(2, 'x'.repeat(2501)))
    expect(refused.status).toBe(413)
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
      code: 'too_large:transcript',
      message: 'A transcript may hold at most 5,000 characters of text.',
    })
  })

  it("grows POST /api/grade's body limit with GRADING_MAX_CHARS (2 MB by default)", async () => {
    // 900,000 characters of a 3-byte character: a 2.6 MB body.
    const big = paste(10, '€'.repeat(90_000))
    const byDefault = await createBrowser(createApp(createTestDeps())).post('/api/grade', big)
    expect(byDefault.status).toBe(413)
    expect(((await byDefault.json()) as { error: unknown }).error).toMatchObject({
      code: 'too_large:body',
      message: 'A transcript may be at most 2 MB.',
    })
    const app = createApp(
      createTestDeps({
        gradingLimits: { ...DEFAULT_GRADING_LIMITS, maxTranscriptChars: 1_000_000 },
      }),
    )
    expect((await createBrowser(app).post('/api/grade', big)).status).toBe(200)
  })
})

describe('limitsFromEnv', () => {
  it('takes every rate limit, quota and grading-queue limit from the environment', () => {
    const env = parseEnv({
      SESSIONS_PER_MINUTE: '11',
      ANSWERS_PER_MINUTE: '12',
      GRADINGS_PER_HOUR: '13',
      CONCURRENT_GRADINGS: '14',
      LLM_DAILY_TOKEN_BUDGET: '15',
      ADDRESS_LIMIT_FACTOR: '16',
      OFFLINE_GRADING_CONCURRENCY: '17',
      LLM_GRADING_CONCURRENCY: '18',
      GRADING_MAX_CHARS: '19000',
    })
    expect(limitsFromEnv(env)).toMatchObject({
      quotas: {
        sessionsPerMinute: 11,
        answersPerMinute: 12,
        gradingsPerHour: 13,
        concurrentGradings: 14,
        llmDailyTokenBudget: 15,
        addressFactor: 16,
      },
      gradingLimits: { offlineConcurrency: 17, llmConcurrency: 18, maxTranscriptChars: 19_000 },
    })
  })

  it('takes the per-session caps and the frame rate from the environment', () => {
    const env = parseEnv({
      SESSION_MAX_ANSWERS: '21',
      SESSION_MAX_SKIPS: '22',
      SESSION_MAX_CLARIFYING_QUESTIONS: '23',
      SESSION_MAX_TURNS: '24',
      SESSION_MAX_TRANSCRIPT_CHARS: '25000',
      STREAM_MAX_FRAMES_PER_SECOND: '26',
    })
    const limits = limitsFromEnv(env)
    expect(limits.sessionLimits).toEqual({
      maxTurns: 24,
      maxCandidateTurns: { answer: 21, skip: 22, clarify: 23 },
      maxTranscriptChars: 25_000,
    })
    expect(limits.socketLimits).toEqual({ ...DEFAULT_SOCKET_LIMITS, maxFramesPerSecond: 26 })
  })

  it("grows a socket's unsent-bytes cap with the transcript cap, so the largest snapshot fits", () => {
    const big = limitsFromEnv(parseEnv({ SESSION_MAX_TRANSCRIPT_CHARS: '2000000' }))
    // A snapshot of 2,000,000 characters that all need \u escapes: 12 MB and its envelope.
    expect(big.socketLimits.maxUnsentBytes).toBeGreaterThan(2_000_000 * 6)
    expect(unsentBytesFor(1000)).toBe(DEFAULT_SOCKET_LIMITS.maxUnsentBytes)
  })

  it('has the code defaults when nothing is set', () => {
    const limits = limitsFromEnv(parseEnv({}))
    expect(limits.gradingLimits).toEqual(DEFAULT_GRADING_LIMITS)
    expect(limits.sessionLimits).toEqual(DEFAULT_SESSION_LIMITS)
    expect(limits.socketLimits).toEqual(DEFAULT_SOCKET_LIMITS)
  })
})
