import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ChatEventStream } from '../../../server/llm/chat-event-stream.js'
import type { LlmStreamEvent } from '../../../server/llm/llm-client.js'
import { createNodeHttpFetch } from '../../../server/llm/node-http-fetch.js'
import { useMswServer } from '../../support/msw-server.js'
import { readSseFixture, sseResponse } from '../../support/sse.js'
import { COMPLETIONS_URL, createTestClient } from './llm-test-kit.js'

const server = useMswServer()

/** Every recorded provider stream under tests/fixtures/llm. */
const FIXTURES = readdirSync(fileURLToPath(new URL('../../fixtures/llm/', import.meta.url)))
  .filter((name) => name.endsWith('.sse'))
  .map((name) => name.slice(0, -'.sse'.length))

type Outcome = { events: LlmStreamEvent[]; error: unknown }

function replay(fixture: string, chunkBytes: number) {
  server.use(
    http.post(COMPLETIONS_URL, () =>
      sseResponse(readSseFixture(fixture), {
        chunkBytes,
        // A stall is cut by the idle watch; the others end as recorded.
        ending: fixture === 'stall' ? 'hang' : 'close',
      }),
    ),
  )
}

const client = () =>
  createTestClient({ fetch: createNodeHttpFetch(), maxRetries: 0, idleTimeoutMs: 200 }).client

function streamOf() {
  return client().streamChat({ messages: [{ role: 'user', content: 'Hi' }] }) as ChatEventStream
}

/** Read with next(), as for-await reads it. */
async function byPromise(): Promise<Outcome> {
  const events: LlmStreamEvent[] = []
  try {
    for await (const event of streamOf()) events.push(event)
    return { events, error: null }
  } catch (error) {
    return { events, error }
  }
}

/** Read with nextTo, one step at a time, each asked for from inside the last one's handler. */
function byCallback(): Promise<Outcome> {
  const stream = streamOf()
  const events: LlmStreamEvent[] = []
  return new Promise((resolve) => {
    const onStep = (step: IteratorResult<LlmStreamEvent, undefined>) => {
      if (step.done) return resolve({ events, error: null })
      events.push(step.value)
      stream.nextTo(onStep, onError)
    }
    const onError = (error: unknown) => resolve({ events, error })
    stream.nextTo(onStep, onError)
  })
}

// The LLM interviewer reads the model's stream by callback (no promise a token); for-await
// readers use next(). Over node:http, both must give the same events, in the same order, and
// the same failure, for every recorded provider stream however its bytes are split.
describe('ChatEventStream.nextTo over node:http', () => {
  for (const fixture of FIXTURES) {
    for (const chunkBytes of [1, 37, 100_000]) {
      it(`gives what next() gives: ${fixture}, ${chunkBytes}-byte reads`, async () => {
        replay(fixture, chunkBytes)
        const stepped = await byPromise()
        replay(fixture, chunkBytes)
        const called = await byCallback()
        expect(called.events).toEqual(stepped.events)
        expect(String(called.error)).toBe(String(stepped.error))
        expect(stepped.events.length + (stepped.error ? 1 : 0)).toBeGreaterThan(0)
      })
    }
  }
})
