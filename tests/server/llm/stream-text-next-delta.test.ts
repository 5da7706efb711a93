import { describe, expect, it } from 'vitest'
import { streamText } from '../../../server/llm/stream-text.js'
import { LlmError, type LlmClient, type LlmStreamEvent } from '../../../server/llm/llm-client.js'

/** A client whose stream is `events` (an adapter's own generator, its `finally` included). */
function clientOf(events: () => AsyncGenerator<LlmStreamEvent>): LlmClient {
  return {
    provider: 'p',
    model: 'm',
    completeJson: () => Promise.reject(new Error('not used')),
    streamChat: events,
  }
}

/** Every step nextDelta hands to its map, until the deltas end. */
async function readAll(streamed: ReturnType<typeof streamText>) {
  const steps: IteratorResult<string, undefined>[] = []
  for (;;) {
    // The map's own value comes back: the caller's work on a delta runs inside the read.
    const step = await streamed.nextDelta((s) => {
      steps.push(s)
      return s
    })
    if (step.done) return steps
  }
}

// nextDelta is the one-promise read of the LLM interviewer's loop; it must step exactly as
// `deltas.next()` does: the same deltas, the end at text-end, usage kept, failures kept.
describe('streamText.nextDelta', () => {
  it('maps each delta and the end at text-end, with the usage read on', async () => {
    const llm = clientOf(async function* () {
      yield { type: 'delta', text: 'Which ' }
      yield { type: 'delta', text: 'id?' }
      yield { type: 'text-end' }
      yield { type: 'done', usage: { promptTokens: 9, completionTokens: 3 }, model: 'm-1' }
    })
    const streamed = streamText(llm, { messages: [] })
    expect(await readAll(streamed)).toEqual([
      { value: 'Which ', done: false },
      { value: 'id?', done: false },
      { value: undefined, done: true },
    ])
    await streamed.settle()
    expect(streamed.result).toEqual({
      usage: { promptTokens: 9, completionTokens: 3 },
      model: 'm-1',
    })
    // Once ended, it maps the end again rather than reading on.
    expect(await streamed.nextDelta((s) => s.done)).toBe(true)
  })

  it('skips the done event to the end when no text-end came', async () => {
    const llm = clientOf(async function* () {
      yield { type: 'delta', text: 'Which id?' }
      yield { type: 'done', usage: null, model: 'm-2' }
    })
    const streamed = streamText(llm, { messages: [] })
    expect((await readAll(streamed)).map((s) => s.value)).toEqual(['Which id?', undefined])
    expect(streamed.result).toEqual({ usage: null, model: 'm-2' })
  })

  it('ends with endOnError and keeps the failure; without it, rejects', async () => {
    const cut = new LlmError('stream_error', 'cut', false)
    const failing = () =>
      clientOf(async function* () {
        yield { type: 'delta', text: 'Half a' }
        throw cut
      })
    const kept = streamText(failing(), { messages: [] }, { endOnError: true })
    expect((await readAll(kept)).map((s) => s.value)).toEqual(['Half a', undefined])
    expect(kept.failure).toBe(cut)
    const thrown = streamText(failing(), { messages: [] })
    await expect(readAll(thrown)).rejects.toThrow('cut')
  })

  it('closes the stream through deltas.return() after reading with it', async () => {
    const log: string[] = []
    const llm = clientOf(async function* () {
      try {
        yield { type: 'delta', text: 'Which ' }
        yield { type: 'delta', text: 'id?' }
      } finally {
        log.push('closed')
      }
    })
    const streamed = streamText(llm, { messages: [] })
    expect(await streamed.nextDelta((s) => s.value)).toBe('Which ')
    await streamed.deltas.return!()
    expect(log).toEqual(['closed'])
  })
})
