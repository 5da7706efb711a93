import type { TokenUsage } from '../sessions/session-schema.js'
import type { ChatRequest, LlmClient } from './llm-client.js'

export type StreamedText = {
  /** The text deltas alone, ready for text filters (notes splitter, leak guard). */
  deltas: AsyncIterable<string>
  /** Usage and model from the `done` event; null until the stream has ended cleanly. */
  readonly result: { usage: TokenUsage | null; model: string } | null
  /** With `endOnError`: what the stream failed with, once `deltas` has ended; else null. */
  readonly failure: unknown
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
 * so filters that only understand text can be chained:
 * `guardStream(splitInterviewerStream(streamText(llm, request).deltas).visible, guard)`.
 */
export function streamText(
  llm: LlmClient,
  request: ChatRequest,
  options: StreamTextOptions = {},
): StreamedText {
  let result: StreamedText['result'] = null
  let failure: unknown = null
  async function* deltas() {
    try {
      for await (const event of llm.streamChat(request)) {
        if (event.type === 'delta') yield event.text
        else result = { usage: event.usage, model: event.model }
      }
    } catch (error) {
      if (!options.endOnError) throw error
      failure = error
    }
  }
  return {
    deltas: deltas(),
    get result() {
      return result
    },
    get failure() {
      return failure
    },
  }
}
