import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import type { TranscriptGrader } from '../../../server/grading/grading-service.js'
import type { LlmClient } from '../../../server/llm/llm-client.js'
import { DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import { meterLlmUsage } from '../../../server/limits/metered-llm-client.js'
import { createBrowser } from '../../support/http-client.js'
import { RecordingGrader } from '../../support/recording-grader.js'
import { createTestDeps } from '../../support/test-deps.js'

/**
 * Issue 11, item 2: an LLM grading spends tokens, which count in the identity's
 * LLM_DAILY_TOKEN_BUDGET as interviewer turns do; once it is spent, gradings are refused with
 * 429 quota:llm_tokens. Before, gradings were never counted, so with a key they were unmetered.
 */

/** A model that answers every JSON call with 1,000 tokens of usage (600 in, 400 out). */
const model: LlmClient = {
  provider: 'openai',
  model: 'fake',
  async *streamChat() {
    yield { type: 'done', usage: null, model: 'fake' }
  },
  completeJson: async () => ({
    text: '{}',
    usage: { promptTokens: 600, completionTokens: 400 },
    model: 'fake',
  }),
}

/** An LLM grader that asks the (metered) model once per grading, then grades as the fake does. */
function llmGrader(llm: LlmClient): TranscriptGrader {
  const fake = new RecordingGrader('llm')
  return {
    kind: 'llm',
    async grade(question, transcript) {
      await llm.completeJson({ messages: [], schemaName: 'grade', jsonSchema: {} })
      return fake.grade(question, transcript)
    },
  }
}

const start = { questionId: 'sample-question', mode: 'mock' }

async function gradeEndedSession(browser: ReturnType<typeof createBrowser>) {
  const { id } = (await (await browser.post('/api/sessions', start)).json()) as { id: string }
  await browser.post(`/api/sessions/${id}/end`)
  const res = await browser.post(`/api/sessions/${id}/grade`)
  if (res.status === 202) {
    for (;;) {
      const report = (await (await browser.get(`/api/sessions/${id}/report`)).json()) as {
        grade: unknown
      }
      if (report.grade) break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
  return res
}

describe('grading tokens in the daily LLM budget', () => {
  it('counts each grading and refuses gradings once the budget is spent, for that identity only', async () => {
    const app = createApp(
      createTestDeps({
        llmGrader: llmGrader(meterLlmUsage(model)),
        quotas: { ...DEFAULT_QUOTAS, llmDailyTokenBudget: 1500 },
      }),
    )
    const alice = createBrowser(app)
    expect((await gradeEndedSession(alice)).status).toBe(202) // 1,000 spent
    expect((await gradeEndedSession(alice)).status).toBe(202) // 2,000: over the budget now
    const refused = await gradeEndedSession(alice)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    const body = (await refused.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('quota:llm_tokens')
    expect(body.error.message).toMatch(/^Today's LLM budget of 1,500 tokens is spent/)
    // A pasted transcript is refused as well; Bob's budget is his own.
    const paste = await alice.post('/api/grade', { questionId: 'sample-question', turns: [] })
    expect(paste.status).toBe(429)
    expect((await gradeEndedSession(createBrowser(app))).status).toBe(202)
  })
})
