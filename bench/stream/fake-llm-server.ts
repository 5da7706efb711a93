/**
 * A fake OpenAI-compatible chat server for the stream benchmark, run as its own process:
 * `node --import tsx bench/stream/fake-llm-server.ts`, settings from env (FAKE_TTFT_MS,
 * FAKE_TOKENS_PER_SEC, FAKE_TOKENS, FAKE_TOKENS_PER_WRITE). Streams `chat.completion.chunk` SSE
 * frames on a fixed schedule from the request's arrival, then a usage chunk and `data: [DONE]`.
 * FAKE_TOKENS_PER_WRITE (1 by default) writes that many tokens' frames at once, each group when
 * its first token is due, as providers that send tokens in bursts do.
 *
 * Side channel: the candidate's answer carries a `bench-client-<n>` tag, and the server keeps,
 * per tag, when the request arrived and when each token was written. `GET /bench/records` returns
 * them (and forgets them), so the load generator can compare what it received with what was sent
 * without putting anything in the streamed text.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildReplyTokens } from './reply-script.js'
import { readWallClockMs } from './wall-clock.js'

export type StreamRecord = {
  tag: string
  arrivedAt: number
  tokenSentAt: number[]
  doneAt: number | null
}

const ttftMs = Number(process.env.FAKE_TTFT_MS ?? 300)
const tokensPerSec = Number(process.env.FAKE_TOKENS_PER_SEC ?? 20)
const tokenCount = Number(process.env.FAKE_TOKENS ?? 150)
const tokens = buildReplyTokens(tokenCount)
const tokensPerWrite = Math.max(1, Number(process.env.FAKE_TOKENS_PER_WRITE ?? 1))
let records: StreamRecord[] = []
let untagged = 0

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (p: Buffer) => parts.push(p))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}

function chunkFrame(id: string, delta: object, finish: string | null, usage?: object): string {
  const chunk = {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }],
    ...(usage ? { usage } : {}),
  }
  return `data: ${JSON.stringify(chunk)}\n\n`
}

function streamReply(res: ServerResponse, record: StreamRecord) {
  const id = `chatcmpl-${record.tag}`
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const gapMs = 1000 / tokensPerSec
  let i = 0
  const sendNext = () => {
    if (res.destroyed) return
    if (i < tokens.length) {
      let frames = ''
      for (const end = Math.min(tokens.length, i + tokensPerWrite); i < end; i++) {
        const delta = i === 0 ? { role: 'assistant', content: tokens[i] } : { content: tokens[i] }
        frames += chunkFrame(id, delta, i === tokens.length - 1 ? 'stop' : null)
        record.tokenSentAt.push(readWallClockMs())
      }
      res.write(frames)
      // Scheduled from the arrival, not from the last write, so timer drift does not accumulate.
      const due = record.arrivedAt + ttftMs + i * gapMs
      setTimeout(sendNext, Math.max(0, due - readWallClockMs()))
      return
    }
    const usage = {
      prompt_tokens: 1000,
      completion_tokens: tokens.length,
      total_tokens: 1000 + tokens.length,
    }
    res.write(chunkFrame(id, {}, null, usage))
    res.end('data: [DONE]\n\n')
    record.doneAt = readWallClockMs()
  }
  setTimeout(sendNext, ttftMs)
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'GET' && req.url === '/bench/records') {
    const body = JSON.stringify({ records, untagged, connections })
    records = []
    untagged = 0
    res.writeHead(200, { 'content-type': 'application/json' }).end(body)
    return
  }
  if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
    res.writeHead(404).end()
    return
  }
  const arrivedAt = readWallClockMs()
  const body = await readBody(req)
  const tag = /bench-client-\d+-\d+/.exec(body)?.[0]
  const parsed = JSON.parse(body) as { stream?: boolean }
  if (!parsed.stream) {
    untagged++
    const reply = {
      id: 'chatcmpl-x',
      object: 'chat.completion',
      created: 0,
      model: 'fake-model',
      choices: [{ index: 0, message: { role: 'assistant', content: '{}' }, finish_reason: 'stop' }],
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
    return
  }
  if (!tag) untagged++
  const record: StreamRecord = { tag: tag ?? 'untagged', arrivedAt, tokenSentAt: [], doneAt: null }
  if (tag) records.push(record)
  streamReply(res, record)
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => res.writeHead(500).end())
})
server.keepAliveTimeout = 60_000
// Connections accepted since the start (GET /bench/records): a client that reuses its keep-alive
// connections opens about one per stream running at once, not one per reply.
let connections = 0
server.on('connection', () => connections++)
server.listen(0, '127.0.0.1', () => {
  console.log(`FAKE_LLM_LISTENING ${(server.address() as AddressInfo).port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
process.on('SIGINT', () => server.close(() => process.exit(0)))
