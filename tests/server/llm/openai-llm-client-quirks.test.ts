import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { useMswServer } from '../../support/msw-server.js'
import { readSseFixture, sseResponse } from '../../support/sse.js'
import {
  COMPLETIONS_URL,
  TRANSPORTS,
  collectStream,
  createTestClient as createClient,
} from './llm-test-kit.js'

const server = useMswServer()

const TOOL_CALL_ONLY = [
  'openai-parallel-tool-calls',
  'azure-tool-call-only',
  'vllm-tool-call-only',
  'groq-tool-call-only',
]

/** Serves `fixture` for every request and counts the requests. */
function replay(fixture: string, options: Parameters<typeof sseResponse>[1] = {}) {
  const seen = { requests: 0 }
  server.use(
    http.post(COMPLETIONS_URL, () => {
      seen.requests++
      return sseResponse(readSseFixture(fixture), options)
    }),
  )
  return seen
}

describe.each(TRANSPORTS)('provider quirks over $transport', ({ makeFetch }) => {
  const createTestClient = (o: Parameters<typeof createClient>[0] = {}) =>
    createClient({ fetch: makeFetch(), ...o })

  it.each([1, 5, 37, 4096])(
    'strips DeepSeek-R1 inline <think> (Together) at %i-byte network chunks',
    async (chunkBytes) => {
      replay('together-deepseek-r1-think', { chunkBytes })
      const { client } = createTestClient()
      const result = await collectStream(client)
      expect(result.error).toBeNull()
      expect(result.text).toBe(
        '\n\nYou chose a write-through cache. What is the longest a reader can see a stale balance, and what bounds it?',
      )
      expect(result.deltas.join('')).not.toMatch(/think|TTL|Okay/)
      expect(result.done).toEqual({
        usage: { promptTokens: 1024, completionTokens: 96 },
        model: 'deepseek-ai/DeepSeek-R1',
      })
    },
  )

  it.each(TOOL_CALL_ONLY)('fails the tool-call-only %s reply as empty_reply', async (fixture) => {
    replay(fixture)
    const { client } = createTestClient()
    const result = await collectStream(client)
    expect(result.text.trim()).toBe('')
    expect(result.done).toBeNull()
    expect(result.error).toMatchObject({
      code: 'empty_reply',
      message: 'The model answered with a tool call and no text',
    })
  })

  it('fails a reply the content filter stopped (Azure), keeping the text that came before', async () => {
    replay('azure-content-filter-stop', { chunkBytes: 17 })
    const { client } = createTestClient()
    const result = await collectStream(client)
    // The stream ends like any other (usage, [DONE]), but the reply is not whole.
    expect(result.text).toBe('Suppose an attacker floods the')
    expect(result.done).toBeNull()
    expect(result.error).toMatchObject({ code: 'content_filtered', retryable: false })
  })

  it('fails a refusal sent in refusal deltas (OpenAI) as an empty reply that says so', async () => {
    replay('openai-refusal')
    const { client } = createTestClient()
    const result = await collectStream(client)
    expect(result.text).toBe('')
    expect(result.error).toMatchObject({
      code: 'empty_reply',
      message: 'The model refused to answer',
    })
  })

  it('never shows Ollama tool-call markup written as text, and fails the empty reply', async () => {
    replay('ollama-tool-call-text', { chunkBytes: 11 })
    const { client } = createTestClient()
    const result = await collectStream(client)
    expect(result.text).toBe('')
    expect(result.error).toMatchObject({ code: 'empty_reply', message: /tool call/ })
  })

  it('cuts a stream that stalls after text, without a retry (the text was shown)', async () => {
    const seen = replay('stall', { ending: 'hang' })
    const { client } = createTestClient({ idleTimeoutMs: 150 })
    const started = Date.now()
    const result = await collectStream(client)
    expect(result.text).toBe('That covers the write path. Now, what happens')
    expect(result.error).toMatchObject({
      code: 'stalled',
      message: /150 ms \(LLM_IDLE_TIMEOUT_MS\)/,
    })
    expect(seen.requests).toBe(1)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('retries a stall before any text once, then fails it as stalled', async () => {
    let requests = 0
    server.use(
      http.post(COMPLETIONS_URL, async () => {
        requests++
        return sseResponse('', { ending: 'hang' })
      }),
    )
    const { client } = createTestClient({ idleTimeoutMs: 150 })
    const result = await collectStream(client)
    expect(result.error?.code).toBe('stalled')
    expect(requests).toBe(2)
  })

  it('recovers when the retry after a stall answers', async () => {
    let requests = 0
    server.use(
      http.post(COMPLETIONS_URL, async () => {
        requests++
        if (requests === 1) return sseResponse('', { ending: 'hang' })
        return sseResponse(readSseFixture('openai'))
      }),
    )
    const { client } = createTestClient({ idleTimeoutMs: 150 })
    const result = await collectStream(client)
    expect(result.error).toBeNull()
    expect(result.text).toMatch(/^You said the ledger is idempotent/)
  })

  it('keeps a slow stream whose bytes keep coming', async () => {
    server.use(
      http.post(COMPLETIONS_URL, () => {
        const body = readSseFixture('openai')
        const events = body.split('\n\n').filter(Boolean)
        let i = 0
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((r) => setTimeout(r, 60))
            if (i < events.length)
              controller.enqueue(new TextEncoder().encode(`${events[i++]}\n\n`))
            else controller.close()
          },
        })
        return new HttpResponse(stream as never, {
          headers: { 'content-type': 'text/event-stream' },
        })
      }),
    )
    const { client } = createTestClient({ idleTimeoutMs: 150 })
    const result = await collectStream(client)
    expect(result.error).toBeNull()
    expect(result.text).toMatch(/^You said the ledger is idempotent/)
  })

  it('removes the echoed key, bearer token and URL credentials from a 401', async () => {
    const body = readFileSync(
      new URL('../../fixtures/llm/auth-401-echoes-key.json', import.meta.url),
      'utf8',
    )
    server.use(
      http.post(
        COMPLETIONS_URL,
        () =>
          new HttpResponse(body, { status: 401, headers: { 'content-type': 'application/json' } }),
      ),
    )
    const { client } = createTestClient({ apiKey: 'team-gw-7f3a9c21e8b44d05' })
    const result = await collectStream(client)
    expect(result.error?.code).toBe('auth')
    expect(result.error?.message).toMatch(
      /^The model server refused the API key \(401\): Invalid API key: \[redacted\]/,
    )
    expect(result.error?.message).not.toMatch(/7f3a9c21|Hx92kqPz/)
    expect(result.error?.cause).toBeUndefined()
  })
})
