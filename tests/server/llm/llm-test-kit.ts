import { LlmError, type LlmClient } from '../../../server/llm/llm-client.js'
import {
  OpenAiLlmClient,
  type OpenAiLlmClientOptions,
} from '../../../server/llm/openai-llm-client.js'
import { createNodeHttpFetch } from '../../../server/llm/node-http-fetch.js'

/** The two transports: the default late-bound global fetch (undici), and the node:http one. */
export const TRANSPORTS = [
  { transport: 'global fetch', makeFetch: () => undefined },
  { transport: 'node:http fetch', makeFetch: createNodeHttpFetch },
] as const

export const BASE_URL = 'http://llm.test/v1'
export const COMPLETIONS_URL = `${BASE_URL}/chat/completions`

/** Builds the adapter for msw tests: instant, recorded sleeps and no jitter. */
export function createTestClient(overrides: Partial<OpenAiLlmClientOptions> = {}) {
  const sleeps: number[] = []
  const client = new OpenAiLlmClient({
    apiKey: 'sk-test',
    baseURL: BASE_URL,
    model: 'gpt-4o-mini',
    timeoutMs: 10_000,
    maxRetries: 2,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0,
    ...overrides,
  })
  return { client, sleeps }
}

export type Collected = {
  text: string
  deltas: string[]
  done: { usage: unknown; model: string } | null
  error: LlmError | null
  /** `retract` events: the text before each was taken back (`deltas` keeps every delta). */
  retractions: number
}

/** Reads a whole stream; a thrown LlmError is returned, not rethrown, so partial text is kept. */
export async function collectStream(
  client: LlmClient,
  signal?: AbortSignal,
  onDelta?: (text: string) => void,
): Promise<Collected> {
  const result: Collected = { text: '', deltas: [], done: null, error: null, retractions: 0 }
  try {
    const events = client.streamChat({ messages: [{ role: 'user', content: 'Hi' }], signal })
    for await (const event of events) {
      if (event.type === 'delta') {
        result.deltas.push(event.text)
        result.text += event.text
        onDelta?.(event.text)
      } else if (event.type === 'retract') {
        // The text so far was reasoning: the reader takes it back.
        result.retractions++
        result.text = ''
      } else if (event.type === 'done') {
        result.done = { usage: event.usage, model: event.model }
      }
    }
  } catch (error) {
    if (!(error instanceof LlmError)) throw error
    result.error = error
  }
  return result
}
