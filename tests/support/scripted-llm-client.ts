import {
  LlmError,
  type ChatRequest,
  type JsonRequest,
  type JsonResult,
  type LlmClient,
  type LlmStreamEvent,
} from '../../server/llm/llm-client.js'
import type { TokenUsage } from '../../server/sessions/session-schema.js'

/** One scripted reply: the text in the chunks it streams, or an error to throw. */
export type ScriptedReply = {
  chunks: string[]
  usage?: TokenUsage | null
  model?: string
  /** Thrown after the chunks were streamed (or instead of the JSON for completeJson). */
  error?: LlmError
}

/** A reply, a bare string (one chunk), or a function of the request for replies that depend on it. */
export type ScriptedStep =
  | ScriptedReply
  | string
  | ((request: ChatRequest | JsonRequest, callIndex: number) => ScriptedReply | string)

export type ScriptedCall =
  { method: 'streamChat'; request: ChatRequest } | { method: 'completeJson'; request: JsonRequest }

/**
 * A recording fake of the LlmClient port: replays scripted replies in order, one per call, and
 * keeps every request in `calls`. Runs out loudly: a call with no script left throws, so a test
 * never passes on a silent empty reply.
 */
export class ScriptedLlmClient implements LlmClient {
  readonly provider = 'scripted'
  readonly calls: ScriptedCall[] = []
  private readonly steps: ScriptedStep[]

  constructor(
    steps: ScriptedStep[],
    readonly model = 'scripted-model',
  ) {
    this.steps = [...steps]
  }

  /** Adds replies for later calls. */
  enqueue(...steps: ScriptedStep[]): void {
    this.steps.push(...steps)
  }

  /** Replies not yet used. */
  get remaining(): number {
    return this.steps.length
  }

  async *streamChat(request: ChatRequest): AsyncIterable<LlmStreamEvent> {
    this.calls.push({ method: 'streamChat', request })
    const reply = this.nextReply(request)
    for (const text of reply.chunks) {
      throwIfAborted(request.signal)
      // Yield to the event loop between chunks, as a network stream would.
      await new Promise((resolve) => setImmediate(resolve))
      throwIfAborted(request.signal)
      yield { type: 'delta', text }
    }
    if (reply.error) throw reply.error
    yield { type: 'done', usage: reply.usage ?? null, model: reply.model ?? this.model }
  }

  async completeJson(request: JsonRequest): Promise<JsonResult> {
    this.calls.push({ method: 'completeJson', request })
    const reply = this.nextReply(request)
    throwIfAborted(request.signal)
    if (reply.error) throw reply.error
    return {
      text: reply.chunks.join(''),
      usage: reply.usage ?? null,
      model: reply.model ?? this.model,
    }
  }

  private nextReply(request: ChatRequest | JsonRequest): ScriptedReply {
    const step = this.steps.shift()
    if (step === undefined) {
      throw new Error(`ScriptedLlmClient: no scripted reply left for call ${this.calls.length}`)
    }
    const resolved = typeof step === 'function' ? step(request, this.calls.length - 1) : step
    return typeof resolved === 'string' ? { chunks: [resolved] } : resolved
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LlmError('aborted', 'The request was aborted', false)
}
