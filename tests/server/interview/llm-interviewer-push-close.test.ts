import { beforeAll, describe, expect, it } from 'vitest'
import { pumpTurn } from '../../../server/interview/interviewer-turn-runner.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { useHoldingLlmServer } from '../../support/holding-llm-server.js'
import { TRANSPORTS } from '../llm/llm-test-kit.js'
import { startLlmTurn } from './fixtures/llm-turn.js'

let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})
const startHoldingServer = useHoldingLlmServer()

// The turn runner pushes the turn (over node:http, by callback from the network read itself):
// a publish that throws must still close the model's stream, as a reader that throws does.
describe.each(TRANSPORTS)('LLM interviewer turn pushed over $transport', ({ makeFetch }) => {
  it("closes the model's HTTP stream when the sink throws, and rejects with that error", async () => {
    const { closed, client } = await startHoldingServer(makeFetch())
    let emitted = 0
    await expect(
      pumpTurn(startLlmTurn(client, prompts), '', {
        emit: () => {
          emitted++
          throw new Error('send failed')
        },
        revise: () => undefined,
      }),
    ).rejects.toThrow('send failed')
    expect(emitted).toBe(1)
    // The server is still holding the stream open: only the client can have closed it.
    await expect.poll(() => closed.connection).toBe(true)
  })
})
