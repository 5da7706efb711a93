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
import { isJsonSchemaUnsupported, withSchemaInstruction } from './json-format-fallback.js'
import { bindBodyToSignal } from './bind-body-to-signal.js'
import { createParamCompat, learnFromRejection } from './param-compat.js'
import { startIdleWatch } from './idle-watch.js'
import { ChatEventStream } from './chat-event-stream.js'
import { readChatCompletion } from './read-chat-completion.js'
import { createRedactor, type Redactor } from './redact-secrets.js'

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
  /** No bytes for this long cuts a stream (LLM_IDLE_TIMEOUT_MS); 20 s by default. */
  idleTimeoutMs?: number
}

export const DEFAULT_IDLE_TIMEOUT_MS = 20_000

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
  private readonly redact: Redactor

  constructor(private readonly options: OpenAiLlmClientOptions) {
    this.model = options.model
    this.redact = createRedactor([options.apiKey])
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

  streamChat(request: ChatRequest): AsyncIterableIterator<LlmStreamEvent> {
    return new ChatEventStream({
      startCall: () => this.startCall(request.signal),
      // The SDK builds, sends and checks the request; the body is read by our lean SSE reader.
      // Each HTTP attempt (the retries of send included) gets its own idle watch: a backoff
      // wait is our silence, not the server's.
      open: (call, current) =>
        this.send(call, request, () => {
          current.watch?.dispose()
          current.watch = startIdleWatch(call.signal, this.idleTimeoutMs)
          return this.sdk.chat.completions
            .create(
              {
                ...this.baseParams(request),
                stream: true,
                stream_options: { include_usage: true },
              },
              { signal: current.watch.signal },
            )
            .asResponse()
        }),
      model: request.model ?? this.model,
      redactError: (error) => this.redactError(error),
    })
  }

  async completeJson(request: JsonRequest): Promise<JsonResult> {
    const call = this.startCall(request.signal)
    try {
      return await this.completeJsonWithin(call, request)
    } catch (error) {
      throw this.redactError(error)
    } finally {
      call.dispose()
    }
  }

  private async completeJsonWithin(call: CallDeadline, request: JsonRequest): Promise<JsonResult> {
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
    const messages = withSchemaInstruction(request.messages, request.schemaName, request.jsonSchema)
    return await this.completeOnce(call, request, messages, { type: 'json_object' })
  }

  private async completeOnce(
    call: CallDeadline,
    request: JsonRequest,
    messages: JsonRequest['messages'],
    responseFormat: ChatCompletionCreateParamsBase['response_format'],
  ): Promise<JsonResult> {
    const completion: unknown = await this.send(call, request, () =>
      this.sdk.chat.completions.create(
        {
          ...this.baseParams({ ...request, messages }),
          stream: false,
          response_format: responseFormat,
        },
        { signal: call.signal },
      ),
    )
    // Checked, not trusted: a proxy's HTML page or `{"detail": …}` says so in plain words.
    const { text, usage, model } = readChatCompletion(completion)
    return { text, usage, model: model ?? request.model ?? this.model }
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

  /** Every failure leaves the client with credentials removed from its message, and no cause
   * (the SDK error keeps the server's raw text, which a logger would print). */
  private redactError(error: unknown): unknown {
    if (!(error instanceof LlmError)) return error
    return new LlmError(error.code, this.redact(error.message), error.retryable)
  }

  private get idleTimeoutMs(): number {
    return this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  }

  private get now(): () => number {
    return this.options.now ?? Date.now
  }
}
