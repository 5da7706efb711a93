import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COVERAGE_TUNING } from '../../../server/interview/coverage-map.js'
import { createLlmInterviewer } from '../../../server/interview/llm-interviewer.js'
import { OpenAiLlmClient } from '../../../server/llm/openai-llm-client.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { useHoldingLlmServer } from '../../support/holding-llm-server.js'
import { TRANSPORTS } from '../llm/llm-test-kit.js'
import { createEngineHarness } from './fixtures/interview-context.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})
const startHoldingServer = useHoldingLlmServer()

/**
 * A turn left mid-text (its reader threw, or returned) closes the filters between it and the
 * model's stream, and the stream closes its HTTP response: nothing goes on reading a reply
 * nobody will show. Before, the turn stepped its filters with next() by hand and the notes
 * splitter did too, so the request stayed open, unread, until the idle timeout cut it.
 */
describe.each(TRANSPORTS)('LLM interviewer turn left mid-text over $transport', ({ makeFetch }) => {
  it("closes the model's HTTP stream when its reader throws", async () => {
    const { closed, baseURL } = await startHoldingServer()
    const llm = new OpenAiLlmClient({
      apiKey: 'k',
      baseURL,
      model: 'm',
      timeoutMs: 60_000,
      maxRetries: 0,
      fetch: makeFetch(),
    })
    const h = createEngineHarness(question)
    const engine = createLlmInterviewer({
      llm,
      prompts,
      fullAt: DEFAULT_COVERAGE_TUNING.full,
      scripted: h.engine,
    })
    const answer = h.add('candidate', 'answer', 'I would start with a monolith and measure it.')
    const turn = engine.nextTurn(
      h.context({ type: 'answer', turn: answer }),
      new AbortController().signal,
    )
    const seen: unknown[] = []
    await expect(
      (async () => {
        for await (const chunk of turn) {
          seen.push(chunk)
          throw new Error('reader failed')
        }
      })(),
    ).rejects.toThrow('reader failed')
    expect(seen).toEqual(['Suppose the'])
    // The server is still holding the stream open: only the client can have closed it.
    await expect.poll(() => closed.connection).toBe(true)
  })
})
