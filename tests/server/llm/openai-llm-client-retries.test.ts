import { describe, expect, it } from 'vitest'
import { HttpResponse, http } from 'msw'
import { useMswServer } from '../../support/msw-server.js'
import { chatChunk, readSseFixture, sseResponse, sseText, usageChunk } from '../../support/sse.js'
import {
  COMPLETIONS_URL,
  TRANSPORTS,
  collectStream,
  createTestClient as createClient,
} from './llm-test-kit.js'

const server = useMswServer()

const okStream = () =>
  sseResponse(
    sseText([chatChunk('Go on.'), chatChunk(null, { finishReason: 'stop' }), usageChunk(10, 3)]),
  )

/** Answers each request with the next response of the list; the last one repeats. */
function respondInTurn(...responses: Array<() => Response>) {
  const seen = { requests: 0 }
  server.use(
    http.post(COMPLETIONS_URL, () => {
      const make = responses[Math.min(seen.requests, responses.length - 1)]!
      seen.requests++
      return make()
    }),
  )
  return seen
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(
      { error: { message: `status ${code} from the test server`, type: 'x' } },
      { status: code, headers },
    )

describe.each(TRANSPORTS)('OpenAiLlmClient retries over $transport', ({ makeFetch }) => {
  const createTestClient = (o: Parameters<typeof createClient>[0] = {}) =>
    createClient({ fetch: makeFetch(), ...o })

  it('waits what Retry-After asks after a 429, then succeeds', async () => {
    const seen = respondInTurn(status(429, { 'retry-after': '2' }), okStream)
    const { client, sleeps } = createTestClient()
    const result = await collectStream(client)
    expect(result.text).toBe('Go on.')
    expect(result.done?.usage).toEqual({ promptTokens: 10, completionTokens: 3 })
    expect(sleeps).toEqual([2000])
    expect(seen.requests).toBe(2)
  })

  it('retries a 500 with backoff, then succeeds', async () => {
    const seen = respondInTurn(status(500), okStream)
    const { client, sleeps } = createTestClient({ baseDelayMs: 400 })
    const result = await collectStream(client)
    expect(result.text).toBe('Go on.')
    expect(sleeps).toEqual([200])
    expect(seen.requests).toBe(2)
  })

  it('gives up on a 500 forever after 1 + maxRetries tries with a clear LlmError', async () => {
    const seen = respondInTurn(status(500))
    const { client, sleeps } = createTestClient({ maxRetries: 2, baseDelayMs: 400 })
    const result = await collectStream(client)
    expect(result.error?.code).toBe('server_error')
    expect(result.error?.message).toMatch(/failed \(500\).*gave up after 3 attempts/)
    expect(seen.requests).toBe(3)
    expect(sleeps).toEqual([200, 400])
  })

  it('does not wait past the time budget when Retry-After is longer', async () => {
    const seen = respondInTurn(status(429, { 'retry-after': '120' }), okStream)
    const { client, sleeps } = createTestClient({ timeoutMs: 5000 })
    const result = await collectStream(client)
    expect(result.error?.code).toBe('rate_limited')
    expect(result.error?.message).toMatch(/past the time budget/)
    expect(seen.requests).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('does not retry a refused key', async () => {
    const seen = respondInTurn(status(401), okStream)
    const { client } = createTestClient()
    const result = await collectStream(client)
    expect(result.error?.code).toBe('auth')
    expect(seen.requests).toBe(1)
  })

  it('retries a network failure, then reports it as a connection error', async () => {
    const seen = respondInTurn(() => HttpResponse.error())
    const { client } = createTestClient({ maxRetries: 1 })
    const result = await collectStream(client)
    expect(result.error?.code).toBe('connection')
    expect(seen.requests).toBe(2)
  })
})

describe.each(TRANSPORTS)('OpenAiLlmClient cancellation over $transport', ({ makeFetch }) => {
  const createTestClient = (o: Parameters<typeof createClient>[0] = {}) =>
    createClient({ fetch: makeFetch(), ...o })

  // msw's node:http interception does not report aborts: that transport is checked against a
  // real server in openai-llm-client-abort.test.ts.
  it.runIf(makeFetch() === undefined)('an abort mid-stream stops the HTTP request', async () => {
    let requestAborted = false
    server.use(
      http.post(COMPLETIONS_URL, ({ request }) => {
        request.signal.addEventListener('abort', () => (requestAborted = true))
        // The body never ends on its own: only the abort can end this turn.
        return sseResponse(readSseFixture('cut'), { ending: 'hang' })
      }),
    )
    const { client } = createTestClient()
    const controller = new AbortController()
    const result = await collectStream(client, controller.signal, () => controller.abort())
    expect(result.deltas).toEqual(['Suppose the'])
    expect(result.error?.code).toBe('aborted')
    await expect.poll(() => requestAborted).toBe(true)
  })

  it('a stalled stream ends with a timeout, never a hung turn', async () => {
    server.use(
      http.post(COMPLETIONS_URL, () => sseResponse(readSseFixture('cut'), { ending: 'hang' })),
    )
    const { client } = createTestClient({ timeoutMs: 300 })
    const result = await collectStream(client)
    expect(result.text).toBe('Suppose the primary')
    expect(result.error?.code).toBe('timeout')
    expect(result.error?.message).toContain('LLM_TIMEOUT_MS')
  })

  it('a signal aborted before the call sends nothing', async () => {
    const seen = respondInTurn(okStream)
    const { client } = createTestClient()
    const result = await collectStream(client, AbortSignal.abort())
    expect(result.error?.code).toBe('aborted')
    expect(seen.requests).toBe(0)
  })
})
