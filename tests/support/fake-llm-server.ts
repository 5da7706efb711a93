import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake model server received. */
export type FakeLlmRequest = {
  /** The first path segment: which server process asked (`/a/v1/...` is instance `a`). */
  caller: string
  kind: 'stream' | 'json'
  /** For streams: the reply it is sending. */
  reply: string | null
}

export type FakeLlmServer = {
  /** The OPENAI_BASE_URL for one caller: `http://127.0.0.1:<port>/<caller>/v1`. */
  baseUrl(caller: string): string
  requests: FakeLlmRequest[]
  /** While true, non-streamed (grader) requests get no answer; they wait until the caller dies. */
  holdJson: boolean
  stop(): Promise<void>
}

export type FakeLlmOptions = {
  /** The n-th streamed reply (0-based), sent a word at a time. */
  reply: (n: number) => string
  wordDelayMs: number
}

/**
 * A slow OpenAI-compatible chat server for tests that need a turn to be mid-stream at a known
 * moment: each streamed reply goes out one word per `wordDelayMs`, in the SSE shape OpenAI uses.
 * Non-streamed requests (the grader) are held while `holdJson`, else refused with a 400, so the
 * grading service falls back to the offline grader. On 127.0.0.1, port 0.
 */
export async function startFakeLlmServer(options: FakeLlmOptions): Promise<FakeLlmServer> {
  const requests: FakeLlmRequest[] = []
  const held = new Set<ServerResponse>()
  let streams = 0
  const state = { holdJson: false }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const caller = (req.url ?? '/').split('/')[1] ?? ''
    let raw = ''
    for await (const chunk of req) raw += String(chunk)
    const body = JSON.parse(raw) as { stream?: boolean; model?: string }
    if (!body.stream) {
      requests.push({ caller, kind: 'json', reply: null })
      if (state.holdJson) {
        held.add(res)
        res.on('close', () => held.delete(res))
        return
      }
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: 'this test server does not grade' } }))
      return
    }
    const reply = options.reply(streams++)
    requests.push({ caller, kind: 'stream', reply })
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      `data: ${JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        created: 1764380000,
        model: body.model ?? 'fake-model',
        choices: [{ index: 0, delta, finish_reason: finish }],
      })}\n\n`
    res.write(chunk({ role: 'assistant', content: '' }))
    for (const word of reply.match(/\S+\s*/g) ?? []) {
      await new Promise((resolve) => setTimeout(resolve, options.wordDelayMs))
      if (res.destroyed) return
      res.write(chunk({ content: word }))
    }
    res.write(chunk({}, 'stop'))
    res.end('data: [DONE]\n\n')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: (caller) => `http://127.0.0.1:${port}/${caller}/v1`,
    requests,
    get holdJson() {
      return state.holdJson
    },
    set holdJson(value: boolean) {
      state.holdJson = value
    },
    async stop() {
      for (const res of held) res.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
