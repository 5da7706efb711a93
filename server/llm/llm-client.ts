import type { TokenUsage } from '../sessions/session-schema.js'

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string }

export type ChatRequest = {
  messages: ChatMessage[]
  /** Overrides the client's default model. */
  model?: string
  temperature?: number
  maxTokens?: number
  /** Aborts the request (and the stream) when the socket closes or the session ends. */
  signal?: AbortSignal
}

/** A JSON Schema the answer must follow; adapters fall back to JSON mode where unsupported. */
export type JsonRequest = ChatRequest & { schemaName: string; jsonSchema: Record<string, unknown> }

/**
 * What a streamed completion yields: text as it comes, then one `done`. An adapter that knows the
 * text is complete before the stream ends (a chunk carried `finish_reason`, and the usage chunk
 * and `[DONE]` are still to come) says so with `text-end`, so readers need not wait for the end
 * to release the text they hold; no text follows it, and a failure after it (a stall before the
 * usage chunk) concerns only the usage: the text was whole.
 */
export type LlmStreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'text-end' }
  /**
   * All the text this reply's deltas gave so far was the model's reasoning (a closing tag it
   * never opened: its template opened it in the prompt): the reader takes it back, and the
   * deltas after it are the reply.
   */
  | { type: 'retract' }
  | { type: 'done'; usage: TokenUsage | null; model: string }

export type JsonResult = { text: string; usage: TokenUsage | null; model: string }

/**
 * The port to a language model. Adapters: OpenAiLlmClient (any OpenAI-compatible server, through
 * the official SDK) and OfflineLlmClient-style engines. Failures are thrown as LlmError after the
 * adapter's own retries, never left hanging.
 */
export interface LlmClient {
  /** Which provider runs, shown to users: `openai` or `offline`. */
  readonly provider: string
  /** The default model name, shown to users. */
  readonly model: string
  streamChat(request: ChatRequest): AsyncIterable<LlmStreamEvent>
  /** One non-streamed completion whose text is JSON following `jsonSchema`. */
  completeJson(request: JsonRequest): Promise<JsonResult>
}

export type LlmErrorCode =
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'aborted'
  | 'bad_request'
  | 'auth'
  | 'stream_error'
  | 'connection'
  /** No bytes from the server for LLM_IDLE_TIMEOUT_MS. */
  | 'stalled'
  /** The reply had no text for the reader: tool calls only, reasoning only, a refusal, nothing. */
  | 'empty_reply'
  /** The reply is not the shape of a chat completion (an HTML page, `{"detail": …}`). */
  | 'bad_response'
  /** The provider's content filter stopped the reply (`finish_reason: "content_filter"`). */
  | 'content_filtered'

/** A provider failure, wrapped at the adapter boundary. */
export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'LlmError'
  }
}
