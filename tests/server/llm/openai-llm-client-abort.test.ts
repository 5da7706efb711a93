import { describe, expect, it } from 'vitest'
import { useHoldingLlmServer } from '../../support/holding-llm-server.js'
import { TRANSPORTS, collectStream } from './llm-test-kit.js'

const startHoldingServer = useHoldingLlmServer()

describe.each(TRANSPORTS)('OpenAiLlmClient abort over $transport, real server', ({ makeFetch }) => {
  it('an abort mid-stream closes the connection and ends the turn', async () => {
    const { closed, client } = await startHoldingServer(makeFetch())
    const controller = new AbortController()
    const result = await collectStream(client, controller.signal, () => controller.abort())
    expect(result.deltas).toEqual(['Suppose the'])
    expect(result.error?.code).toBe('aborted')
    await expect.poll(() => closed.connection).toBe(true)
  })
})
