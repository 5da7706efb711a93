import { describe, expect, it } from 'vitest'
import { OpenAiLlmClient } from '../../../server/llm/openai-llm-client.js'
import { useHoldingLlmServer } from '../../support/holding-llm-server.js'
import { TRANSPORTS, collectStream } from './llm-test-kit.js'

const startHoldingServer = useHoldingLlmServer()

describe.each(TRANSPORTS)('OpenAiLlmClient abort over $transport, real server', ({ makeFetch }) => {
  it('an abort mid-stream closes the connection and ends the turn', async () => {
    const { closed, baseURL } = await startHoldingServer()
    const client = new OpenAiLlmClient({
      apiKey: 'k',
      baseURL,
      model: 'm',
      timeoutMs: 10_000,
      maxRetries: 0,
      fetch: makeFetch(),
    })
    const controller = new AbortController()
    const result = await collectStream(client, controller.signal, () => controller.abort())
    expect(result.deltas).toEqual(['Suppose the'])
    expect(result.error?.code).toBe('aborted')
    await expect.poll(() => closed.connection).toBe(true)
  })
})
