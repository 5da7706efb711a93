import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeHttpFetch } from '../../../server/llm/node-http-fetch.js'
import { OpenAiLlmClient } from '../../../server/llm/openai-llm-client.js'

const servers: http.Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((resolve) => s.close(resolve))
  }
})

const chunk = (content: string, finish: string | null) =>
  `data: ${JSON.stringify({
    id: 'c',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  })}\n\n`

/**
 * A model server that sends `[DONE]` in a network read of its own and ends the response on a
 * later turn of its event loop, as real servers do: the end (the chunked body's terminator)
 * reaches the client after the reader has seen `[DONE]`.
 */
async function startModel(tail: 'end' | 'never') {
  let connections = 0
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.write(chunk('Hello', null))
    setImmediate(() => {
      res.write(chunk(' there.', 'stop'))
      setImmediate(() => {
        res.write('data: [DONE]\n\n')
        if (tail === 'end') setTimeout(() => res.end(), 20)
      })
    })
  })
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const llm = new OpenAiLlmClient({
    fetch: createNodeHttpFetch(),
    apiKey: 'k',
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    model: 'm',
    timeoutMs: 10_000,
    maxRetries: 0,
  })
  return { llm, connections: () => connections }
}

async function readText(llm: OpenAiLlmClient) {
  let text = ''
  for await (const event of llm.streamChat({ messages: [{ role: 'user', content: 'q' }] })) {
    if (event.type === 'delta') text += event.text
  }
  return text
}

describe('a streamed reply read to [DONE] over node:http', () => {
  it('gives its connection back for the next call (no new connection a reply)', async () => {
    const model = await startModel('end')
    for (let i = 0; i < 3; i++) {
      expect(await readText(model.llm)).toBe('Hello there.')
      // The response ends after [DONE]: the connection is free once it has.
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    expect(model.connections()).toBe(1)
  })

  it('is done at [DONE] even when the server never ends the response', async () => {
    const model = await startModel('never')
    expect(await readText(model.llm)).toBe('Hello there.')
    expect(await readText(model.llm)).toBe('Hello there.')
    // The first response is still open (released, not yet cut): the second call needed its own.
    expect(model.connections()).toBe(2)
  })
})
