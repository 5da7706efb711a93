import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import type { TokenUsage } from '../sessions/session-schema.js'

/** What a stream has told us so far, beyond its text. */
export type ChunkState = {
  model: string
  usage: TokenUsage | null
  /** A choice carried a finish_reason: the reply is complete even if `[DONE]` never comes. */
  finished: boolean
  finishReason: string | null
}

export function createChunkState(requestedModel: string): ChunkState {
  return { model: requestedModel, usage: null, finished: false, finishReason: null }
}

/**
 * Reads one chunk as real servers send them and returns its visible text ('' when none).
 * Tolerates: empty `choices` (Azure filter results, the usage-only final chunk), `usage` on any
 * chunk (llama.cpp puts it on the last content chunk), `reasoning_content` / `reasoning` deltas
 * (vLLM, DeepSeek, Ollama thinking models), which are never shown, and an empty `model` (Azure).
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
  for (const choice of chunk.choices ?? []) {
    // n is 1: only the first choice is ours; other indexes would interleave replies.
    if ((choice.index ?? 0) !== 0) continue
    const content = choice.delta?.content
    if (typeof content === 'string') text += content
    if (choice.finish_reason) {
      state.finished = true
      state.finishReason = choice.finish_reason
    }
  }
  return text
}
