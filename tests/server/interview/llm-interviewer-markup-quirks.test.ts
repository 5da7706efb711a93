import { http } from 'msw'
import { beforeAll, describe, expect, it } from 'vitest'
import { applyTurnChunk, type TurnChunk } from '../../../server/interview/interviewer-engine.js'
import { pumpTurn } from '../../../server/interview/interviewer-turn-runner.js'
import { createNodeHttpFetch } from '../../../server/llm/node-http-fetch.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { useMswServer } from '../../support/msw-server.js'
import { readSseFixture, sseResponse } from '../../support/sse.js'
import { COMPLETIONS_URL, createTestClient } from '../llm/llm-test-kit.js'
import { drainTurn } from './fixtures/drain-turn.js'
import { llmTurnAfterAnswer } from './fixtures/llm-turn-after-answer.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const server = useMswServer()
const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

const ANSWER =
  'You chose a write-through cache. How stale can a read get after a failed write, and what bounds it?'

/** Replays of servers that leave reasoning, harmony or end-of-turn tokens in `content`. */
const CASES = [
  { fixture: 'vllm-qwen3-orphan-think', text: ANSWER, revised: false },
  { fixture: 'llamacpp-r1-distill-orphan-think', text: ANSWER, revised: true },
  { fixture: 'llamacpp-gpt-oss-harmony', text: ANSWER, revised: false },
  { fixture: 'vllm-gpt-oss-skipped-special-tokens', text: ANSWER, revised: false },
  {
    fixture: 'llamacpp-qwen-im-end',
    text: 'That covers the write path. How do you detect a cache entry that never got its store write?',
    revised: false,
  },
  {
    fixture: 'vllm-gemma-end-of-turn',
    text: 'Fair. Which metric would tell you the cache is serving stale balances?',
    revised: false,
  },
]

/** Reasoning, markup or the next turn the model wrote. */
const LEAK = /<\||\|>|think>|end_of_turn|The user|We need|analysis|reconciliation|hit rate/
const REASONING_SHOWN = /Write-through means/

const turn = () =>
  llmTurnAfterAnswer(
    question,
    prompts,
    { session: {}, askedBefore: false },
    createTestClient({ fetch: createNodeHttpFetch(), maxRetries: 0 }).client,
  )

function serve(fixture: string, chunkBytes: number) {
  server.use(http.post(COMPLETIONS_URL, () => sseResponse(readSseFixture(fixture), { chunkBytes })))
}

describe('LLM interviewer on captures with markup in content', () => {
  describe.each(CASES)('$fixture', ({ fixture, text, revised }) => {
    it.each([5, 37, 100_000])(
      'ends with the reply alone, stored as shown (%i-byte reads, stepped)',
      async (chunkBytes) => {
        serve(fixture, chunkBytes)
        const result = await drainTurn(turn())
        expect(result.text.trim()).toBe(text)
        for (const shown of result.shown) expect(shown).not.toMatch(LEAK)
        const revisions = result.chunks.filter((c) => typeof c !== 'string')
        if (revised) {
          // Reasoning that read as a reply was shown, then taken back whole.
          expect(result.shown.some((s) => REASONING_SHOWN.test(s))).toBe(true)
          expect(revisions).toContainEqual({ revise: '' })
        } else {
          expect(revisions).toEqual([])
          for (const shown of result.shown) expect(text.startsWith(shown.trim())).toBe(true)
        }
        expect(result.meta.hiddenNotes ?? '').not.toMatch(LEAK)
      },
    )

    it('gives the same turn pushed over node:http (callback reads)', async () => {
      serve(fixture, 37)
      let shown = ''
      const chunks: TurnChunk[] = []
      await pumpTurn(turn(), '', {
        emit: (t) => {
          chunks.push(t)
          shown = applyTurnChunk(shown, t)
        },
        revise: (whole) => {
          chunks.push({ revise: whole })
          shown = applyTurnChunk(shown, { revise: whole })
        },
      })
      expect(shown.trim()).toBe(text)
      expect(chunks.some((c) => typeof c !== 'string')).toBe(revised)
    })
  })

  it('fails a harmony reply that is only a tool call, never an empty follow-up', async () => {
    serve('vllm-gpt-oss-harmony-tool-call', 13)
    await expect(drainTurn(turn())).rejects.toMatchObject({ code: 'empty_reply' })
  })
})
