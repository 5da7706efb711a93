import { HttpResponse, http } from 'msw'
import { beforeAll, describe, expect, it } from 'vitest'
import { gradeCases } from '../../../bench/transcripts-bench/grade-cases.js'
import { createBenchLlmGrader } from '../../../bench/transcripts-bench/llm-bench-grader.js'
import type { TranscriptCase } from '../../../bench/transcripts-bench/transcript-case.js'
import { parseEnv } from '../../../server/env.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { useMswServer } from '../../support/msw-server.js'
import { makeSampleQuestion } from '../../support/sample-question.js'
import { chatCompletion } from '../../support/sse.js'
import { gradeReply } from '../../server/grading/llm-grader-kit.js'
import { BASE_URL, COMPLETIONS_URL } from '../../server/llm/llm-test-kit.js'

const server = useMswServer()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

const question = makeSampleQuestion()
const caseOf = (level: string, target: number, answer: string): TranscriptCase => ({
  questionId: question.id,
  level,
  target,
  range: [target - 1, target + 1],
  justification: 'test',
  turns: [
    { id: 't1', role: 'interviewer', text: 'A customer was charged twice. Why?' },
    {
      id: 't2',
      role: 'candidate',
      text: 'The client retries the charge after a timeout, but the first charge had already gone through.',
    },
    { id: 't4', role: 'candidate', text: answer },
  ],
})

describe('bench:transcripts --grader llm', () => {
  it('grades each case through the configured OpenAI-compatible server, as the product would', async () => {
    const env = parseEnv({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: BASE_URL,
      GRADER_MODEL: 'grader-x',
      LLM_MAX_RETRIES: '0',
    })
    const models: string[] = []
    // A scripted model: 8 for the case marked STRONG, 2 otherwise; a 400 for the third case.
    server.use(
      http.post(COMPLETIONS_URL, async ({ request }) => {
        const body = (await request.json()) as { model: string; messages: { content: string }[] }
        models.push(body.model)
        const user = body.messages.at(-1)!.content
        if (user.includes('BROKEN'))
          return HttpResponse.json({ error: { message: 'bad' } }, { status: 400 })
        const score = user.includes('STRONG') ? 8 : 2
        const reply = gradeReply({ rootCause: score, idempotency: score })
        return HttpResponse.json(chatCompletion(JSON.stringify(reply), 'grader-x-2026'))
      }),
    )
    const grader = createBenchLlmGrader(env, prompts)!
    const cases = [
      caseOf(
        'good',
        7,
        'STRONG. Send an idempotency key built from the order id, so a retry returns the first result.',
      ),
      caseOf(
        'poor',
        2,
        'Send an idempotency key built from the order id, so a retry returns the first result.',
      ),
      caseOf('broken', 1, 'BROKEN'),
    ]
    const outcomes = await gradeCases(
      cases,
      (id) => (id === question.id ? question : undefined),
      grader,
      {
        concurrency: 2,
      },
    )
    expect(outcomes.map((o) => ('score' in o ? o.score : 'error'))).toEqual([8, 2, 'error'])
    expect(models.every((m) => m === 'grader-x')).toBe(true)
  })

  it('is absent without OPENAI_API_KEY', () => {
    expect(createBenchLlmGrader(parseEnv({}), prompts)).toBeUndefined()
  })

  it('reports a case whose question the bank lacks as an error', async () => {
    const outcomes = await gradeCases([caseOf('good', 7, 'x')], () => undefined, {
      grade: () => Promise.reject(new Error('never called')),
    })
    expect(outcomes[0]).toMatchObject({ error: `unknown question "${question.id}"` })
  })
})
