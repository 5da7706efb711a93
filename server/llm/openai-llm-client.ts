import OpenAI from 'openai'
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions'
import {
  LlmError,
  type ChatRequest,
  type JsonRequest,
  type JsonResult,
  type LlmClient,
  type LlmStreamEvent,
} from './llm-client.js'
import { startCallDeadline, type CallDeadline } from './call-deadline.js'
import { toLlmError } from './map-openai-error.js'
import { retryLlmCall, sleepWithSignal, type Sleep } from './retry-llm-call.js'
import { createChunkState, readChatChunk, readChatStream } from './read-chat-chunk.js'
import { isJsonSchemaUnsupported, withSchemaInstruction } from './json-format-fallback.js'
import { bindBodyToSignal } from './bind-body-to-signal.js'
import { createParamCompat, learnFromRejection } from './param-compat.js'

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** Everything the adapter needs; the composition root fills it from env. */
export type OpenAiLlmClientOptions = {
  apiKey: string
  /** Any OpenAI-compatible server; the SDK's default (api.openai.com) when absent. */
  baseURL?: string
  model: string
  /** Whole-call budget: retries, waits and the full stream included. */
  timeoutMs: number
  maxRetries: number
  /** Defaults to a late-bound `globalThis.fetch`, so msw (or any patch) installed later is seen. */
  fetch?: FetchLike
  now?: () => number
  sleep?: Sleep
  random?: () => number
  /** First retry backoff when the server gives no Retry-After. */
  baseDelayMs?: number
}

/**
 * The LlmClient adapter for OpenAI and every OpenAI-compatible server, through the official SDK.
 * SDK retries are off: our loop bounds the waits by the call's deadline.
 */
export class OpenAiLlmClient implements LlmClient {
  readonly provider = 'openai'
  readonly model: string
  private readonly sdk: OpenAI
  /** Becomes `json_object` for the client's lifetime once the server rejects json_schema. */
  private jsonFormat: 'json_schema' | 'json_object' = 'json_schema'
  private readonly compat = createParamCompat()

  constructor(private readonly options: OpenAiLlmClientOptions) {
    this.model = options.model
    const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.sdk = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs,
      fetch: bindBodyToSignal(fetch),
    })
  }

  /** Which structured-output mode the server gets now. */
  get jsonMode(): 'json_schema' | 'json_object' {
    return this.jsonFormat
  }

  async *streamChat(request: ChatRequest): AsyncIterable<LlmStreamEvent> {
    const call = this.startCall(request.signal)
    try {
      // The SDK builds, sends and checks the request; the body is read by our lean SSE reader.
      const response = await this.send(call, request, () =>
        this.sdk.chat.completions
          .create(
            { ...this.baseParams(request), stream: true, stream_options: { include_usage: true } },
            { signal: call.signal },
          )
          .asResponse(),
      )
      const state = createChunkState(request.model ?? this.model)
      try {
        for await (const chunk of readChatStream(response)) {
          // Events already buffered when the signal fired are not delivered.
          if (call.signal.aborted) break
          const text = readChatChunk(chunk, state)
          if (text.length > 0) yield { type: 'delta', text }
        }
      } catch (error) {
        throw toLlmError(error, call, 'stream')
      }
      if (call.signal.aborted) throw call.abortError()
      if (!state.finished) {
        throw new LlmError(
          'stream_error',
          'The model server closed the stream before the reply was complete',
          false,
        )
      }
      yield { type: 'done', usage: state.usage, model: state.model }
    } finally {
      call.dispose()
    }
  }

  async completeJson(request: JsonRequest): Promise<JsonResult> {
    const call = this.startCall(request.signal)
    try {
      if (this.jsonFormat === 'json_schema') {
        try {
          return await this.completeOnce(call, request, request.messages, {
            type: 'json_schema',
            json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: true },
          })
        } catch (error) {
          if (!isJsonSchemaUnsupported(error)) throw error
          this.jsonFormat = 'json_object'
        }
      }
      const messages = withSchemaInstruction(
        request.messages,
        request.schemaName,
        request.jsonSchema,
      )
      return await this.completeOnce(call, request, messages, { type: 'json_object' })
    } finally {
      call.dispose()
    }
  }

  private async completeOnce(
    call: CallDeadline,
    request: JsonRequest,
    messages: JsonRequest['messages'],
    responseFormat: ChatCompletionCreateParamsBase['response_format'],
  ): Promise<JsonResult> {
    const completion = await this.send(call, request, () =>
      this.sdk.chat.completions.create(
        {
          ...this.baseParams({ ...request, messages }),
          stream: false,
          response_format: responseFormat,
        },
        { signal: call.signal },
      ),
    )
    const text = completion.choices[0]?.message?.content ?? ''
    if (text.trim().length === 0) {
      throw new LlmError('server_error', 'The model server returned an empty reply', false)
    }
    const usage = completion.usage
      ? {
          promptTokens: completion.usage.prompt_tokens,
          completionTokens: completion.usage.completion_tokens,
        }
      : null
    return { text, usage, model: completion.model || (request.model ?? this.model) }
  }

  private baseParams(request: ChatRequest) {
    return {
      model: request.model ?? this.model,
      messages: request.messages,
      ...(request.temperature === undefined || !this.compat.sendTemperature
        ? {}
        : { temperature: request.temperature }),
      ...(request.maxTokens === undefined
        ? {}
        : { [this.compat.maxTokensField]: request.maxTokens }),
    }
  }

  /** One request with retries; again (at most twice) after a 400 that taught us a parameter. */
  private async send<T>(
    call: CallDeadline,
    request: ChatRequest,
    run: () => Promise<T>,
  ): Promise<T> {
    for (let lesson = 0; ; lesson++) {
      try {
        return await this.withRetries(call, run)
      } catch (error) {
        const sent = {
          temperature: request.temperature !== undefined,
          maxTokens: request.maxTokens !== undefined,
        }
        if (lesson >= 2 || !learnFromRejection(error, this.compat, sent)) throw error
      }
    }
  }

  private startCall(signal: AbortSignal | undefined): CallDeadline {
    return startCallDeadline(this.options.timeoutMs, this.now, signal)
  }

  private withRetries<T>(call: CallDeadline, run: () => Promise<T>): Promise<T> {
    return retryLlmCall(run, (error) => toLlmError(error, call, 'request'), call, {
      maxRetries: this.options.maxRetries,
      baseDelayMs: this.options.baseDelayMs ?? 500,
      maxDelayMs: 8000,
      now: this.now,
      sleep: this.options.sleep ?? sleepWithSignal,
      random: this.options.random ?? Math.random,
    })
  }

  private get now(): () => number {
    return this.options.now ?? Date.now
  }
}
