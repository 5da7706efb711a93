import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import type { TokenUsage } from '../sessions/session-schema.js'
import { LlmError } from './llm-client.js'
import { nodeBodyOf } from './node-http-fetch.js'
import { createSseParser } from './read-sse-data.js'
import { readableChunks } from './readable-chunks.js'
import { contentText } from './content-parts.js'

/** What a stream has told us so far, beyond its text. */
export type ChunkState = {
  model: string
  usage: TokenUsage | null
  /** A choice carried a finish_reason: the reply is complete even if `[DONE]` never comes. */
  finished: boolean
  finishReason: string | null
  /** Tool calls in `delta.tool_calls` (OpenAI, Azure, vLLM, Groq): never text for the reader. */
  toolCalls: number
  /** Characters of `delta.refusal` (OpenAI): a refusal, never text for the reader. */
  refusal: number
}

export function createChunkState(requestedModel: string): ChunkState {
  return {
    model: requestedModel,
    usage: null,
    finished: false,
    finishReason: null,
    toolCalls: 0,
    refusal: 0,
  }
}

/**
 * Reads one chunk as real servers send them and returns its visible text ('' when none).
 * Tolerates: empty `choices` (Azure filter results, the usage-only final chunk), `usage` on any
 * chunk (llama.cpp puts it on the last content chunk), `reasoning_content` / `reasoning` deltas
 * (vLLM, DeepSeek, Ollama thinking models), which are never shown, an empty `model` (Azure),
 * `content` as a list of typed parts (Mistral's Magistral: `thinking` parts, never shown, and
 * `text` parts) and `refusal` deltas (OpenAI), counted and never shown.
 */
export function readChatChunk(chunk: ChatCompletionChunk, state: ChunkState): string {
  if (typeof chunk.model === 'string' && chunk.model.length > 0) state.model = chunk.model
  const usage = chunk.usage
  if (usage && typeof usage.prompt_tokens === 'number') {
    state.usage = {
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens ?? 0,
    }
  }
  let text = ''
  for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
    // n is 1: only the first choice is ours; other indexes would interleave replies.
    if (!choice || (choice.index ?? 0) !== 0) continue
    const delta = choice.delta as { content?: unknown; refusal?: unknown } | undefined
    text += contentText(delta?.content)
    if (typeof delta?.refusal === 'string') state.refusal += delta.refusal.length
    // Parallel calls arrive as several entries; a call's later argument chunks repeat its index.
    const calls = choice?.delta?.tool_calls
    for (const call of Array.isArray(calls) ? calls : []) {
      if (typeof call?.index === 'number')
        state.toolCalls = Math.max(state.toolCalls, call.index + 1)
      else state.toolCalls++
    }
    if (choice.finish_reason) {
      state.finished = true
      state.finishReason = choice.finish_reason
    }
  }
  return text
}

/**
 * The chunks of a streamed chat completion response. An error object inside the stream
 * (`data: {"error": {...}}`, sent by vLLM, OpenRouter and others) becomes a stream_error.
 * `onBytes` hears of every network read, keep-alive comments included (the idle watch).
 *
 * A plain iterator, not a generator: the SSE parser is called on each network read and the
 * chunks it completes are handed out one a step, one promise each, on the path of every
 * streamed token (bench/stream/token-path-cpu.ts). Read by for-await (never a step asked while
 * one is pending); stopping early closes the body, and so do `[DONE]` and a failure once the
 * chunks before them were handed out, as the generator's for-await did.
 */
export function readChatStream(
  response: Response,
  onBytes?: () => void,
): AsyncIterableIterator<ChatCompletionChunk> {
  const node = nodeBodyOf(response)
  const body = (node ? readableChunks(node) : response.body) as AsyncIterable<Uint8Array> | null
  const source = body ? body[Symbol.asyncIterator]() : null
  const sse = createSseParser()
  const END: IteratorResult<ChatCompletionChunk, undefined> = { value: undefined, done: true }
  /** Chunks parsed and not yet handed out, in order. */
  const ready: ChatCompletionChunk[] = []
  /** An event that failed to parse, thrown once the chunks before it are handed out. */
  let failure: { error: unknown } | null = null
  /** No more reads: the body ended, `[DONE]` came, it failed or the reader stopped. */
  let sourceDone = false

  const closeSource = async () => {
    if (sourceDone) return
    sourceDone = true
    await source?.return?.(undefined)
  }
  const parse = (payloads: string[]) => {
    for (const payload of payloads) {
      try {
        const chunk = parseChatEvent(payload)
        if (chunk !== null) ready.push(chunk)
      } catch (error) {
        failure = { error }
        return
      }
    }
  }
  const onRead = (
    step: IteratorResult<Uint8Array>,
  ):
    | IteratorResult<ChatCompletionChunk, undefined>
    | Promise<IteratorResult<ChatCompletionChunk, undefined>> => {
    if (step.done) {
      sourceDone = true
      parse(sse.end())
    } else {
      onBytes?.()
      parse(sse.push(step.value))
    }
    return ready.length > 0 ? { value: ready.shift()!, done: false } : chunks.next()
  }
  const onReadError = (error: unknown): never => {
    sourceDone = true
    throw error
  }

  const chunks: AsyncIterableIterator<ChatCompletionChunk> = {
    [Symbol.asyncIterator]() {
      return this
    },
    next() {
      if (ready.length > 0) return Promise.resolve({ value: ready.shift()!, done: false })
      // The body is closed once the chunks before `[DONE]` or a failure were handed out.
      if (failure) {
        const { error } = failure
        failure = null
        return closeSource().then(() => Promise.reject(error))
      }
      if (sse.sawDone) return closeSource().then(() => END)
      if (sourceDone) return Promise.resolve(END)
      if (!source) {
        sourceDone = true
        return Promise.reject(
          new LlmError('stream_error', 'The model server sent no stream body', false),
        )
      }
      return source.next().then(onRead, onReadError)
    },
    async return() {
      ready.length = 0
      failure = null
      await closeSource()
      return END
    },
  }
  return chunks
}

/** One event's data as a chunk; null for data that is no object (skipped, as before). */
function parseChatEvent(payload: string): ChatCompletionChunk | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  } catch {
    throw new LlmError(
      'stream_error',
      `The model stream sent an unreadable event: ${payload.slice(0, 200)}`,
      false,
    )
  }
  const error = (parsed as { error?: unknown } | null)?.error
  if (error)
    throw new LlmError(
      'stream_error',
      `The model server reported an error mid-stream: ${describeError(error)}`,
      false,
    )
  if (!parsed || typeof parsed !== 'object') return null
  if (!isChunkShaped(parsed)) {
    throw new LlmError(
      'bad_response',
      `The model stream sent an event that is not a chat completion chunk: ${payload.slice(0, 200)}`,
      false,
    )
  }
  return parsed as ChatCompletionChunk
}

/**
 * Enough of a chunk's shape to read it: an object whose `choices`, when present, is a list of
 * objects. Anything else (a list, `{"choices": {...}}` from a broken proxy) is said in plain words
 * rather than surfacing as "choices is not iterable".
 */
function isChunkShaped(value: object): boolean {
  if (Array.isArray(value)) return false
  const choices = (value as { choices?: unknown }).choices
  if (choices === undefined || choices === null) return true
  return Array.isArray(choices) && choices.every((c) => c !== null && typeof c === 'object')
}

function describeError(error: unknown): string {
  if (typeof error === 'string') return error
  const message = (error as { message?: unknown }).message
  return typeof message === 'string' && message.length > 0
    ? message
    : JSON.stringify(error).slice(0, 300)
}
