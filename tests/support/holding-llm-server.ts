import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import { chatChunk, sseText } from './sse.js'

/**
 * A real model server on loopback that streams two chunks ('Suppose the', ' primary') and then
 * holds the stream open: only the client closing its connection ends it, which `closed` records.
 * Stopped after each test of the file that calls `useHoldingLlmServer`.
 */
export function useHoldingLlmServer() {
  let running: Server | null = null
  afterEach(async () => {
    running?.closeAllConnections()
    await new Promise((resolve) => running?.close(resolve) ?? resolve(undefined))
    running = null
  })
  return async function startHoldingServer() {
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
    return { closed, baseURL: `http://127.0.0.1:${port}/v1` }
  }
}
