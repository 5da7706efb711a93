import { describe, expect, it } from 'vitest'
import { http } from 'msw'
import { useMswServer } from '../../support/msw-server.js'
import { readSseFixture, sseResponse } from '../../support/sse.js'
import {
  COMPLETIONS_URL,
  TRANSPORTS,
  collectStream,
  createTestClient as createClient,
} from './llm-test-kit.js'

const server = useMswServer()

const ANSWER =
  'You chose a write-through cache. How stale can a read get after a failed write, and what bounds it?'

/**
 * Captures of servers whose template, parser or stop tokens do not match the model: what the
 * reader ends with, whether it was shown reasoning first (then taken back), and nothing else.
 */
const CASES = [
  // Qwen3 on vLLM without a reasoning parser: the reasoning opens as reasoning, so it is held
  // until `</think>` and never shown.
  { fixture: 'vllm-qwen3-orphan-think', text: ANSWER, retractions: 0 },
  // An R1 distill on llama.cpp whose reasoning opens like a reply: shown, then taken back when
  // the closer (split across deltas) comes.
  { fixture: 'llamacpp-r1-distill-orphan-think', text: ANSWER, retractions: 1 },
  { fixture: 'llamacpp-gpt-oss-harmony', text: ANSWER, retractions: 0 },
  { fixture: 'vllm-gpt-oss-skipped-special-tokens', text: ANSWER, retractions: 0 },
  {
    fixture: 'llamacpp-qwen-im-end',
    text: 'That covers the write path. How do you detect a cache entry that never got its store write?',
    retractions: 0,
  },
  {
    fixture: 'vllm-gemma-end-of-turn',
    text: 'Fair. Which metric would tell you the cache is serving stale balances?',
    retractions: 0,
  },
]

/** Nothing a model writes for itself, nor the next turn it goes on to write. */
const LEAK =
  /<\||\|>|<\/?think|think>|end_of_turn|The user|We need|analysis|Write-through means|reconciliation|hit rate/

describe.each(TRANSPORTS)('markup quirks over $transport', ({ makeFetch }) => {
  const createTestClient = () => createClient({ fetch: makeFetch() })

  describe.each(CASES)('$fixture', ({ fixture, text, retractions }) => {
    it.each([1, 7, 37, 4096])('ends with the reply alone at %i-byte network chunks', async (n) => {
      server.use(
        http.post(COMPLETIONS_URL, () => sseResponse(readSseFixture(fixture), { chunkBytes: n })),
      )
      const result = await collectStream(createTestClient().client)
      expect(result.error).toBeNull()
      expect(result.text.trim()).toBe(text)
      expect(result.retractions).toBe(retractions)
      expect(result.text).not.toMatch(LEAK)
      // Held reasoning is never in a delta at all.
      if (retractions === 0) expect(result.deltas.join('')).not.toMatch(LEAK)
    })
  })

  it('fails a harmony reply that is only a commentary tool call (gpt-oss on vLLM)', async () => {
    server.use(
      http.post(COMPLETIONS_URL, () =>
        sseResponse(readSseFixture('vllm-gpt-oss-harmony-tool-call'), { chunkBytes: 13 }),
      ),
    )
    const result = await collectStream(createTestClient().client)
    expect(result.deltas.join('')).not.toMatch(LEAK)
    expect(result.error).toMatchObject({
      code: 'empty_reply',
      message: 'The model answered with a tool call and no text',
    })
  })
})
