import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import type { TokenUsage } from '../sessions/session-schema.js'
import { LlmError } from './llm-client.js'
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
 * chunk (llama.cpp puts it on the last content chunk; Groq in `x_groq`), reasoning in its own
 * field (`reasoning_content`: vLLM, DeepSeek; `reasoning`: Ollama, OpenRouter, vLLM 0.10+;
 * `thinking`; OpenRouter's `reasoning_details`), never read, so never shown; a choice with no
 * `delta` (a `message` or completions-style `text` instead), an empty `model` (Azure),
 * `content` as a list of typed parts (Mistral's Magistral: `thinking` parts, never shown, and
 * `text` parts) and `refusal` deltas (OpenAI), counted and never shown.
 */
export function readChatChunk(chunk: ChatCompletionChunk, state: ChunkState): string {
  if (typeof chunk.model === 'string' && chunk.model.length > 0) state.model = chunk.model
  // Groq puts the usage in `x_groq` when the request's stream_options are not honoured.
  const usage = chunk.usage ?? (chunk as { x_groq?: { usage?: typeof chunk.usage } }).x_groq?.usage
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
    text += contentText(delta ? delta.content : legacyContent(choice))
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
 * The text of a choice sent without a `delta`: a `message` (some proxies send the last chunk as a
 * whole message) or a completions-style `text`. Only without a delta: Together sends `text` beside
 * the delta, the same token twice.
 */
function legacyContent(choice: object): unknown {
  const c = choice as { message?: { content?: unknown }; text?: unknown }
  return c.message?.content ?? c.text
}

/**
 * One SSE event's data as a chunk; null for data that is no object (skipped). An error object
 * inside the stream (`data: {"error": {...}}`, sent by vLLM, OpenRouter and others) is thrown
 * as a stream_error.
 */
export function parseChatEvent(payload: string): ChatCompletionChunk | null {
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
