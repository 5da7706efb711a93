import { beforeAll, describe, expect, it } from 'vitest'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { useHoldingLlmServer } from '../../support/holding-llm-server.js'
import { TRANSPORTS } from '../llm/llm-test-kit.js'
import { startLlmTurn } from './fixtures/llm-turn.js'

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
    const { closed, client } = await startHoldingServer(makeFetch())
    const turn = startLlmTurn(client, prompts)
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
