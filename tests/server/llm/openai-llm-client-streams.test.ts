import { describe, expect, it } from 'vitest'
import { http } from 'msw'
import { useMswServer } from '../../support/msw-server.js'
import { chatChunk, readSseFixture, sseResponse, sseText } from '../../support/sse.js'
import {
  COMPLETIONS_URL,
  TRANSPORTS,
  collectStream,
  createTestClient as createClient,
} from './llm-test-kit.js'

const server = useMswServer()

function replay(fixture: string, chunkBytes?: number) {
  const bodies: Record<string, unknown>[] = []
  const headers: Headers[] = []
  server.use(
    http.post(COMPLETIONS_URL, async ({ request }) => {
      bodies.push((await request.json()) as Record<string, unknown>)
      headers.push(request.headers)
      return sseResponse(readSseFixture(fixture), { chunkBytes })
    }),
  )
  return { bodies, headers }
}

const recorded = [
  {
    fixture: 'openai',
    text: 'You said the ledger is idempotent. How do you dedupe a retried “charge” request?',
    usage: { promptTokens: 812, completionTokens: 19 },
    model: 'gpt-4o-mini-2024-07-18',
  },
  {
    fixture: 'ollama',
    text: 'What happens when two workers read the same balance?',
    usage: { promptTokens: 655, completionTokens: 12 },
    model: 'llama3.2:3b',
  },
  {
    fixture: 'vllm-reasoning',
    text: '\n\nHow many writes per second do you expect at peak?',
    usage: { promptTokens: 934, completionTokens: 41 },
    model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
  },
  {
    fixture: 'llamacpp',
    text: 'Which index serves that query?',
    usage: { promptTokens: 588, completionTokens: 6 },
    model: 'qwen2.5-7b-instruct-q4_k_m.gguf',
  },
  {
    fixture: 'azure',
    text: 'Where does the lock live if Redis fails over?',
    usage: { promptTokens: 702, completionTokens: 11 },
    model: 'gpt-4o-2024-11-20',
  },
  {
    fixture: 'openrouter',
    text: 'Why a queue and not a cron job?',
    usage: { promptTokens: 640, completionTokens: 9 },
    model: 'meta-llama/llama-3.3-70b-instruct',
  },
  // `content` as typed parts: `thinking` parts are left out, `text` parts and strings are read.
  {
    fixture: 'mistral-magistral-thinking',
    text: 'You picked write-through. What bounds how stale a read can be?',
    usage: { promptTokens: 1210, completionTokens: 58 },
    model: 'magistral-medium-2509',
  },
  // `reasoning_content` with `content: null`, keep-alive comments while queued.
  {
    fixture: 'deepseek-reasoner',
    text: 'Where does the outbox row get written, relative to the charge?',
    usage: { promptTokens: 980, completionTokens: 87 },
    model: 'deepseek-reasoner',
  },
  // Ollama 0.12+ with a thinking model: `reasoning` deltas.
  {
    fixture: 'ollama-thinking',
    text: 'How would you undo this in production?',
    usage: { promptTokens: 702, completionTokens: 48 },
    model: 'qwen3:8b',
  },
]

describe.each(TRANSPORTS)(
  'OpenAiLlmClient on recorded streams over $transport',
  ({ makeFetch }) => {
    const createTestClient = (o: Parameters<typeof createClient>[0] = {}) =>
      createClient({ fetch: makeFetch(), ...o })

    it.each(recorded)('assembles the $fixture stream: text, usage and model', async (expected) => {
      replay(expected.fixture)
      const { client } = createTestClient()
      const result = await collectStream(client)
      expect(result.error).toBeNull()
      expect(result.text).toBe(expected.text)
      expect(result.done).toEqual({ usage: expected.usage, model: expected.model })
    })

    it.each([1, 7, 4096])(
      'reassembles the same text whatever the network chunk size (%i bytes)',
      async (size) => {
        replay('openai', size)
        const { client } = createTestClient()
        const result = await collectStream(client)
        expect(result.text).toBe(recorded[0]!.text)
      },
    )

    it('asks for streamed usage and sends the model, messages and key', async () => {
      const { bodies, headers } = replay('openai')
      const { client } = createTestClient()
      await collectStream(client)
      expect(bodies[0]).toMatchObject({
        model: 'gpt-4o-mini',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'Hi' }],
      })
      expect(headers[0]!.get('authorization')).toBe('Bearer sk-test')
    })

    it('never shows reasoning_content', async () => {
      replay('vllm-reasoning')
      const { client } = createTestClient()
      const result = await collectStream(client)
      expect(result.text).not.toContain('capacity estimates')
      expect(result.text).not.toContain('12k')
    })

    it.each([
      ['mistral-magistral-thinking', /TTL|versioned|candidate named/],
      ['deepseek-reasoner', /outbox\.|They want|source of truth/],
      ['ollama-thinking', /Okay|flips a flag/],
    ])(
      'never shows the reasoning of %s, whatever the network chunks',
      async (fixture, reasoning) => {
        for (const chunkBytes of [3, 64]) {
          replay(fixture, chunkBytes)
          const { client } = createTestClient()
          const result = await collectStream(client)
          expect(result.error).toBeNull()
          expect(result.deltas.join('')).not.toMatch(reasoning)
        }
      },
    )

    it('surfaces an error object inside the stream as stream_error, after the text before it', async () => {
      replay('error-in-stream')
      const { client, sleeps } = createTestClient()
      const result = await collectStream(client)
      expect(result.text).toBe('Let us look at the')
      expect(result.done).toBeNull()
      expect(result.error?.code).toBe('stream_error')
      expect(result.error?.message).toContain('CUDA out of memory while decoding')
      expect(sleeps).toEqual([])
    })

    // Issue 11, item 4: every message relayed from a provider passes the redactor, a mid-stream
    // error event and an unreadable event included, not only a refused request's body.
    it.each([
      [
        'an error event',
        { error: { message: 'upstream refused team-gw-7f3a9c21e8b44d05 (Bearer Hx92kqPz.x)' } },
      ],
      ['an unreadable event', { choices: 'team-gw-7f3a9c21e8b44d05 Bearer Hx92kqPz.x' }],
    ])('removes the key and tokens from %s in the stream', async (_name, event) => {
      server.use(
        http.post(COMPLETIONS_URL, () => sseResponse(sseText([chatChunk('Suppose'), event]), {})),
      )
      const { client } = createTestClient({ apiKey: 'team-gw-7f3a9c21e8b44d05' })
      const result = await collectStream(client)
      expect(result.text).toBe('Suppose')
      expect(result.error?.message).toContain('[redacted]')
      expect(result.error?.message).not.toMatch(/7f3a9c21|Hx92kqPz/)
    })

    it.each([
      ['a list', [{ choices: [] }]],
      ['choices as an object', { choices: { 0: { delta: { content: 'x' } } } }],
      ['a choice that is not an object', { choices: ['x'] }],
    ])('says in plain words that an event is not a chunk (%s)', async (_name, event) => {
      server.use(
        http.post(COMPLETIONS_URL, () => sseResponse(sseText([chatChunk('Suppose'), event]), {})),
      )
      const { client } = createTestClient()
      const result = await collectStream(client)
      expect(result.text).toBe('Suppose')
      expect(result.error).toMatchObject({ code: 'bad_response' })
      expect(result.error?.message).toMatch(
        /^The model stream sent an event that is not a chat completion chunk: /,
      )
      expect(result.error?.message).not.toMatch(/iterable|Cannot read/)
    })

    it('fails a stream closed before any finish_reason (no [DONE]) with stream_error', async () => {
      replay('cut')
      const { client } = createTestClient()
      const result = await collectStream(client)
      expect(result.text).toBe('Suppose the primary')
      expect(result.done).toBeNull()
      expect(result.error?.code).toBe('stream_error')
      expect(result.error?.message).toMatch(/closed the stream before the reply was complete/)
    })

    it('fails a connection reset mid-stream with stream_error and does not retry it', async () => {
      let requests = 0
      server.use(
        http.post(COMPLETIONS_URL, () => {
          requests++
          return sseResponse(readSseFixture('cut'), { ending: 'reset' })
        }),
      )
      const { client } = createTestClient()
      const result = await collectStream(client)
      // What was read before the reset arrives; msw's tee of the body may drop the last queued chunk.
      expect(result.text).toMatch(/^Suppose the/)
      expect(result.done).toBeNull()
      expect(result.error?.code).toBe('stream_error')
      expect(requests).toBe(1)
    })
  },
)
