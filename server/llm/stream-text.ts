import type { TokenUsage } from '../sessions/session-schema.js'
import type { ChatRequest, LlmClient, LlmStreamEvent } from './llm-client.js'

export type StreamedText = {
  /**
   * The text deltas alone, ready for text filters (notes splitter, leak guard). Ends when the
   * text does: at the adapter's `text-end` (a chunk carried finish_reason) when it sends one, so
   * the filters release what they hold then, not one chunk later at the stream's end.
   */
  deltas: AsyncIterable<string>
  /**
   * Waits for the stream's end once `deltas` has ended (the usage chunk the token budget counts,
   * a failure after the text); call it before reading `result` or `failure`. What follows the
   * text is read from `text-end` on whether or not anyone settles, so a reader that stops after
   * the text (a turn abandoned mid-yield) still lets the adapter finish: its idle timer cleared,
   * its socket back in the keep-alive pool.
   */
  settle(): Promise<void>
  /** Usage and model from the `done` event; null until the stream has ended cleanly. */
  readonly result: { usage: TokenUsage | null; model: string } | null
  /** With `endOnError`: what the stream failed with, once it has ended; else null. */
  readonly failure: unknown
  /**
   * The adapter said the text was whole (`text-end`): a `failure` then came after it and cost
   * only the usage.
   */
  readonly textEnded: boolean
}

export type StreamTextOptions = {
  /**
   * End `deltas` normally when the stream fails and keep the error in `failure`. Filters
   * downstream then release what they hold (the leak guard's last sentence, the notes
   * splitter's tail) instead of losing it with the throw; the caller rethrows afterwards.
   */
  endOnError?: boolean
}

/**
 * Streams a chat reply as plain text deltas and keeps the `done` event's usage and model aside,
 * so filters that only understand text can read it (the LLM interviewer pushes each delta through
 * its notes splitter, leak guard and repeat filter).
 */
export function streamText(
  llm: LlmClient,
  request: ChatRequest,
  options: StreamTextOptions = {},
): StreamedText {
  let result: StreamedText['result'] = null
  let failure: unknown = null
  /** The stream has been read to its end (or failed): nothing is left to settle. */
  let drained = false
  /** Reading what follows the text, from `text-end` on (or from the first `settle`). */
  let settling: Promise<void> | null = null
  let textEnded = false
  const events = llm.streamChat(request)[Symbol.asyncIterator]()

  /** Reads the next event; null at the end or on a failure kept for `failure`. */
  const next = async (): Promise<LlmStreamEvent | null> => {
    try {
      const step = await events.next()
      if (step.done) drained = true
      else if (step.value.type === 'done') {
        result = { usage: step.value.usage, model: step.value.model }
      }
      return step.done ? null : step.value
    } catch (error) {
      drained = true
      if (!options.endOnError) throw error
      failure = error
      return null
    }
  }

  const drain = async () => {
    while (!drained) await next()
  }

  async function* deltas() {
    try {
      // events.next() is awaited here, not through `next`: an async function more per token
      // costs promises on the main thread (bench:stream --cpu-prof-dir).
      for (;;) {
        let step: IteratorResult<LlmStreamEvent>
        try {
          step = await events.next()
        } catch (error) {
          drained = true
          if (!options.endOnError) throw error
          failure = error
          return
        }
        if (step.done) {
          drained = true
          return
        }
        const event = step.value
        if (event.type === 'delta') yield event.text
        else if (event.type === 'done') result = { usage: event.usage, model: event.model }
        else if (event.type === 'text-end') {
          textEnded = true
          // Read on now, not when the reader settles: it may never come back (see `settle`).
          settling = drain()
          // A failure without `endOnError` reaches whoever settles; unsettled, it is not unhandled.
          settling.catch(() => {})
          return
        }
      }
    } finally {
      // A reader that stopped early closes the stream; after the text it is read on by `settle`.
      if (!drained && !textEnded) await events.return?.(undefined)
    }
  }

  return {
    deltas: deltas(),
    settle() {
      return (settling ??= drain())
    },
    get result() {
      return result
    },
    get failure() {
      return failure
    },
    get textEnded() {
      return textEnded
    },
  }
}
