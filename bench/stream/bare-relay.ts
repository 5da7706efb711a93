/**
 * The bare relay of the stream benchmark, run as its own process: the least a server can do to
 * relay a model's stream to a WebSocket, for comparison with Sparring on the same fake model.
 * `node --import tsx bench/stream/bare-relay.ts` with BARE_RELAY_MODEL_URL (the fake model's
 * `/v1`). Each socket sends `{"tag": "..."}`; the relay calls the model with the openai SDK
 * (`stream: true`, its default fetch, undici; Sparring reads the stream over node:http), sends
 * one `token-delta` frame per chunk's content and a `turn-end` frame when the stream ends. No
 * store, no guard, no session.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import OpenAI from 'openai'
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'

const modelUrl = z.string().url().parse(process.env.BARE_RELAY_MODEL_URL)
const client = new OpenAI({ apiKey: 'bench', baseURL: modelUrl, maxRetries: 0 })
const Ask = z.object({ tag: z.string().max(100) })

async function relay(ws: WebSocket, tag: string) {
  const stream = await client.chat.completions.create({
    model: 'fake-model',
    stream: true,
    messages: [{ role: 'user', content: tag }],
  })
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta.content
    if (text) ws.send(JSON.stringify({ type: 'token-delta', text }))
  }
  ws.send(JSON.stringify({ type: 'turn-end' }))
}

const server = createServer((_req, res) => res.writeHead(404).end())
const wss = new WebSocketServer({ server, maxPayload: 64 * 1024 })
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    let frame: unknown
    try {
      frame = JSON.parse(String(data))
    } catch {
      frame = null
    }
    const ask = Ask.safeParse(frame)
    if (!ask.success) return void ws.close(1003, 'bad frame')
    relay(ws, ask.data.tag).catch((err: unknown) =>
      ws.send(JSON.stringify({ type: 'error', message: String(err) })),
    )
  })
})
server.listen(0, '127.0.0.1', () => {
  console.log(`BARE_RELAY_LISTENING ${(server.address() as AddressInfo).port}`)
})
process.on('SIGTERM', () => process.exit(0))
process.on('SIGINT', () => process.exit(0))
