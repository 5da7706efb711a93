import { describe, expect, it } from 'vitest'
import { startCallDeadline } from '../../../server/llm/call-deadline.js'
import { ChatEventStream, type ChatStreamDeps } from '../../../server/llm/chat-event-stream.js'
import { startIdleWatch } from '../../../server/llm/idle-watch.js'
import { LlmError, type LlmStreamEvent } from '../../../server/llm/llm-client.js'

const chunk = (content: string | null, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: 'c',
    object: 'chat.completion.chunk',
    model: 'm',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
  })}\n\n`

/** An SSE body from these frames, with a note of whether the reader cancelled it. */
function sseResponse(frames: string[]) {
  const seen = { cancelled: false }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const frame = frames.shift()
      if (frame === undefined) controller.close()
      else controller.enqueue(new TextEncoder().encode(frame))
    },
    cancel() {
      seen.cancelled = true
    },
  })
  return { response: new Response(body), seen }
}

/** Deps whose attempts answer with `attempts` in turn; counts calls and disposals. */
function fakeDeps(attempts: Array<() => Promise<Response>>) {
  const log = { opened: 0, callsStarted: 0, callDisposed: 0 }
  const deps: ChatStreamDeps = {
    startCall() {
      log.callsStarted += 1
      const call = startCallDeadline(10_000, Date.now)
      return {
        ...call,
        dispose() {
          log.callDisposed += 1
          call.dispose()
        },
      }
    },
    async open(call, current) {
      current.watch?.dispose()
      current.watch = startIdleWatch(call.signal, 10_000)
      return attempts[log.opened++]!()
    },
    model: 'asked',
    redactError: (error) => error,
  }
  return { deps, log }
}

async function collect(stream: ChatEventStream) {
  const events: LlmStreamEvent[] = []
  try {
    for await (const event of stream) events.push(event)
    return { events, error: null }
  } catch (error) {
    return { events, error }
  }
}

describe('chat event stream', () => {
  it('hands out deltas, text-end and done in order, then clears the call', async () => {
    const { response } = sseResponse([
      chunk('How '),
      chunk('would you?', 'stop'),
      'data: {"id":"c","object":"chat.completion.chunk","model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}\n\n',
      'data: [DONE]\n\n',
    ])
    const { deps, log } = fakeDeps([async () => response])
    const { events, error } = await collect(new ChatEventStream(deps))
    expect(error).toBeNull()
    expect(events).toEqual([
      { type: 'delta', text: 'How ' },
      { type: 'delta', text: 'would you?' },
      { type: 'text-end' },
      { type: 'done', usage: { promptTokens: 3, completionTokens: 2 }, model: 'm' },
    ])
    expect(log).toEqual({ opened: 1, callsStarted: 1, callDisposed: 1 })
  })

  it('starts nothing until read, and a reader that stops closes the body and the call', async () => {
    const { response, seen } = sseResponse([chunk('One '), chunk('two '), chunk('three')])
    const { deps, log } = fakeDeps([async () => response])
    const unread = new ChatEventStream(deps)
    await unread.return()
    expect(log.callsStarted).toBe(0)

    const stream = new ChatEventStream(deps)
    for await (const event of stream) {
      expect(event).toEqual({ type: 'delta', text: 'One ' })
      break
    }
    expect(seen.cancelled).toBe(true)
    expect(log.callDisposed).toBe(1)
    expect(await stream.next()).toEqual({ value: undefined, done: true })
  })

  it('fails on an unreadable event after the text before it, and closes the body', async () => {
    // One network read with a good event and a broken one: the good one is still handed out.
    const { response, seen } = sseResponse([
      chunk('Before ') + 'data: {not json\n\n',
      chunk('never read'),
    ])
    const { deps, log } = fakeDeps([async () => response])
    const { events, error } = await collect(new ChatEventStream(deps))
    expect(events).toEqual([{ type: 'delta', text: 'Before ' }])
    expect((error as LlmError).code).toBe('stream_error')
    expect((error as LlmError).message).toContain('unreadable event')
    expect(seen.cancelled).toBe(true)
    expect(log.callDisposed).toBe(1)
  })

  it('tries a stall before any text once more, and not a failure after text', async () => {
    const stall = async () => {
      throw new LlmError('stalled', 'quiet', true)
    }
    const { response } = sseResponse([chunk('Hello.', 'stop'), 'data: [DONE]\n\n'])
    const retried = fakeDeps([stall, async () => response])
    const ok = await collect(new ChatEventStream(retried.deps))
    expect(ok.events.map((e) => e.type)).toEqual(['delta', 'text-end', 'done'])
    expect(retried.log.opened).toBe(2)

    // The body ends without finish_reason after text: the text first, then the failure.
    const cut = fakeDeps([async () => sseResponse([chunk('Half a sent')]).response, stall])
    const failed = await collect(new ChatEventStream(cut.deps))
    expect(failed.events).toEqual([{ type: 'delta', text: 'Half a sent' }])
    expect(failed.error).toBeInstanceOf(LlmError)
    expect((failed.error as LlmError).code).toBe('stream_error')
    expect(cut.log).toMatchObject({ opened: 1, callDisposed: 1 })
  })
})
