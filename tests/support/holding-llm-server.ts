import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import { OpenAiLlmClient, type OpenAiLlmClientOptions } from '../../server/llm/openai-llm-client.js'
import { chatChunk, sseText } from './sse.js'

/**
 * A real model server on loopback that streams two chunks ('Suppose the', ' primary') and then
 * holds the stream open: only the client closing its connection ends it, which `closed` records.
 * `client` talks to it over `fetch` (undefined: the SDK's default). Stopped after each test of
 * the file that calls `useHoldingLlmServer`.
 */
export function useHoldingLlmServer() {
  let running: Server | null = null
  afterEach(async () => {
    running?.closeAllConnections()
    await new Promise((resolve) => running?.close(resolve) ?? resolve(undefined))
    running = null
  })
  return async function startHoldingServer(fetch: OpenAiLlmClientOptions['fetch']) {
    const closed = { connection: false }
    const server: Server = createServer((req, res) => {
      req.resume()
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write(sseText([chatChunk('Suppose the')], false))
      setTimeout(() => res.write(sseText([chatChunk(' primary')], false)), 20)
      res.on('close', () => (closed.connection = true))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    running = server
    const { port } = server.address() as AddressInfo
    const client = new OpenAiLlmClient({
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${port}/v1`,
      model: 'm',
      timeoutMs: 10_000,
      maxRetries: 0,
      fetch,
    })
    return { closed, client }
  }
}
