import { describe, expect, it } from 'vitest'
import { streamText } from '../../../server/llm/stream-text.js'
import { LlmError, type LlmClient, type LlmStreamEvent } from '../../../server/llm/llm-client.js'
import { createLeakGuard, guardStream } from '../../../server/interview/leak-guard.js'
import { splitInterviewerStream } from '../../../server/prompts/interviewer-notes.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'

const MODEL_ANSWER =
  'Send an idempotency key derived from the order id with every charge so the provider returns the first result on a retry.'

/** Drains a generator, returning what it yielded and what it returned. */
async function drain<R>(stream: AsyncGenerator<string, R>) {
  const out: string[] = []
  let next = await stream.next()
  while (!next.done) {
    out.push(next.value)
    next = await stream.next()
  }
  return { text: out.join(''), returned: next.value }
}

/** A client whose stream is `events` (an adapter's own generator, its `finally` included). */
function clientOf(events: () => AsyncGenerator<LlmStreamEvent>): LlmClient {
  return {
    provider: 'p',
    model: 'm',
    completeJson: () => Promise.reject(new Error('not used')),
    streamChat: events,
  }
}

describe('streamText', () => {
  it('chains with the notes splitter and the leak guard, keeping usage and model', async () => {
    const llm = new ScriptedLlmClient([
      {
        chunks: [
          'OK. Maybe send an idempotency key derived from the order id with ',
          'every charge so the provider returns it. Which id would you use?\nNO',
          'TES: candidate named the retry; no key yet.',
        ],
        usage: { promptTokens: 900, completionTokens: 40 },
        model: 'gpt-4o-2024-11-20',
      },
    ])
    const streamed = streamText(llm, { messages: [{ role: 'user', content: 'answer' }] })
    const split = splitInterviewerStream(streamed.deltas)
    const visible = await drain(guardStream(split.visible, createLeakGuard(MODEL_ANSWER)))
    // The copy goes with no probe (the reply asks its own question); "Maybe " is in the guard's
    // cuts, which guardStream's caller applies.
    expect(visible.text).toBe('OK. Maybe Which id would you use?')
    expect(visible.returned).toEqual({ leaks: 1 })
    expect(split.notes).toBe('candidate named the retry; no key yet.')
    expect(streamed.result).toEqual({
      usage: { promptTokens: 900, completionTokens: 40 },
      model: 'gpt-4o-2024-11-20',
    })
  })

  it('ends the deltas at text-end, and settle reads on to the usage', async () => {
    const llm = clientOf(async function* () {
      yield { type: 'delta', text: 'Which id?' }
      yield { type: 'text-end' }
      yield { type: 'done', usage: { promptTokens: 9, completionTokens: 3 }, model: 'm-1' }
    })
    const streamed = streamText(llm, { messages: [] })
    expect((await drain(streamed.deltas as AsyncGenerator<string, void>)).text).toBe('Which id?')
    await streamed.settle()
    expect(streamed.result).toEqual({
      usage: { promptTokens: 9, completionTokens: 3 },
      model: 'm-1',
    })
    expect(streamed.failure).toBeNull()
  })

  it('reads the stream to its end after text-end even when nobody settles', async () => {
    let closed: () => void = () => {}
    const adapterFinished = new Promise<void>((resolve) => (closed = resolve))
    const llm = clientOf(async function* () {
      try {
        yield { type: 'delta', text: 'Which id?' }
        yield { type: 'text-end' }
        yield { type: 'done', usage: null, model: 'm-1' }
      } finally {
        // Where the real adapter clears its idle timer and hands its socket back.
        closed()
      }
    })
    const streamed = streamText(llm, { messages: [] })
    // A turn abandoned right after the text: the reader never calls settle.
    for await (const delta of streamed.deltas) expect(delta).toBe('Which id?')
    await adapterFinished
    expect(streamed.result).toEqual({ usage: null, model: 'm-1' })
  })

  it('keeps a failure after text-end for settle, without endOnError', async () => {
    const llm = clientOf(async function* () {
      yield { type: 'delta', text: 'Which id?' }
      yield { type: 'text-end' }
      throw new LlmError('content_filtered', 'filtered', false)
    })
    const streamed = streamText(llm, { messages: [] })
    expect((await drain(streamed.deltas as AsyncGenerator<string, void>)).text).toBe('Which id?')
    await expect(streamed.settle()).rejects.toThrow('filtered')
    expect(streamed.result).toBeNull()
  })

  it('leaves the result null when the stream fails', async () => {
    const llm = new ScriptedLlmClient([
      { chunks: ['Half a'], error: new LlmError('stream_error', 'cut', false) },
    ])
    const streamed = streamText(llm, { messages: [] })
    await expect(drain(streamed.deltas as AsyncGenerator<string, void>)).rejects.toThrow('cut')
    expect(streamed.result).toBeNull()
  })
})

describe('streamText with endOnError', () => {
  it('ends the deltas so the leak guard releases the text it holds, and keeps the failure', async () => {
    const cut = new LlmError('stream_error', 'cut', false)
    // "Send an idempotency key" could still become a copy of the model answer: the guard holds it.
    const llm = new ScriptedLlmClient([
      { chunks: ['You chose a cache. ', 'Send an idempotency key'], error: cut },
    ])
    const streamed = streamText(llm, { messages: [] }, { endOnError: true })
    const visible = await drain(guardStream(streamed.deltas, createLeakGuard(MODEL_ANSWER)))
    expect(visible.text).toBe('You chose a cache. Send an idempotency key')
    expect(streamed.failure).toBe(cut)
    expect(streamed.result).toBeNull()
  })

  it('throws as before without endOnError, losing what the guard held', async () => {
    const llm = new ScriptedLlmClient([
      { chunks: ['Send an idempotency key'], error: new LlmError('stream_error', 'cut', false) },
    ])
    const streamed = streamText(llm, { messages: [] })
    const out: string[] = []
    const guarded = guardStream(streamed.deltas, createLeakGuard(MODEL_ANSWER))
    await expect(
      (async () => {
        for await (const text of guarded) out.push(text)
      })(),
    ).rejects.toThrow('cut')
    expect(out.join('')).toBe('')
  })

  it('still checks the held text against the model answer', async () => {
    const llm = new ScriptedLlmClient([
      {
        chunks: [
          'Send an idempotency key derived from the order id with every charge so the provider',
        ],
        error: new LlmError('stalled', 'silent', true),
      },
    ])
    const streamed = streamText(llm, { messages: [] }, { endOnError: true })
    const visible = await drain(guardStream(streamed.deltas, createLeakGuard(MODEL_ANSWER)))
    expect(visible.text).not.toContain('idempotency key derived')
    expect(visible.returned).toEqual({ leaks: 1 })
  })
})
