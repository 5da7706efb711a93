import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { OpenAiLlmClient } from '../../../server/llm/openai-llm-client.js'
import { chatChunk, sseText } from '../../support/sse.js'
import { TRANSPORTS, collectStream } from './llm-test-kit.js'

/** A real model server on loopback that sends two chunks and then holds the stream open. */
async function startHoldingServer() {
  const closed = { connection: false }
  const server: Server = createServer((req, res) => {
    req.resume()
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.write(sseText([chatChunk('Suppose the')], false))
    setTimeout(() => res.write(sseText([chatChunk(' primary')], false)), 20)
    res.on('close', () => (closed.connection = true))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, closed, baseURL: `http://127.0.0.1:${port}/v1` }
}

let running: Server | null = null
afterEach(async () => {
  running?.closeAllConnections()
  await new Promise((resolve) => running?.close(resolve) ?? resolve(undefined))
  running = null
})

describe.each(TRANSPORTS)('OpenAiLlmClient abort over $transport, real server', ({ makeFetch }) => {
  it('an abort mid-stream closes the connection and ends the turn', async () => {
    const { server, closed, baseURL } = await startHoldingServer()
    running = server
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
