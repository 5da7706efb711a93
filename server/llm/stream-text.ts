import type { TokenUsage } from '../sessions/session-schema.js'
import type { ChatRequest, LlmClient } from './llm-client.js'

export type StreamedText = {
  /** The text deltas alone, ready for text filters (notes splitter, leak guard). */
  deltas: AsyncIterable<string>
  /** Usage and model from the `done` event; null until the stream has ended cleanly. */
  readonly result: { usage: TokenUsage | null; model: string } | null
}

/**
 * Streams a chat reply as plain text deltas and keeps the `done` event's usage and model aside,
 * so filters that only understand text can be chained:
 * `guardStream(splitInterviewerStream(streamText(llm, request).deltas).visible, guard)`.
 */
export function streamText(llm: LlmClient, request: ChatRequest): StreamedText {
  let result: StreamedText['result'] = null
  async function* deltas() {
    for await (const event of llm.streamChat(request)) {
      if (event.type === 'delta') yield event.text
      else result = { usage: event.usage, model: event.model }
    }
  }
  return {
    deltas: deltas(),
    get result() {
      return result
    },
  }
}
