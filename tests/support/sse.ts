import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { HttpResponse } from 'msw'

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/llm/', import.meta.url))

/** The raw bytes of a recorded stream under tests/fixtures/llm/. */
export function readSseFixture(name: string): string {
  return readFileSync(`${FIXTURE_DIR}${name}.sse`, 'utf8')
}

export type SseResponseOptions = {
  /** Network chunk size in bytes, small so lines and UTF-8 characters split across reads. */
  chunkBytes?: number
  /** After the body: 'close' ends cleanly, 'reset' errors the connection, 'hang' never ends. */
  ending?: 'close' | 'reset' | 'hang'
  /** Called when the client cancels the body (abort, or the consumer stopped reading). */
  onCancel?: () => void
  /** Called each time the client pulls another network chunk. */
  onPull?: (index: number) => void
}

/** An msw response that streams `body` as server-sent events, in small network chunks. */
export function sseResponse(body: string, options: SseResponseOptions = {}): HttpResponse<never> {
  const bytes = new TextEncoder().encode(body)
  const size = options.chunkBytes ?? 37
  let offset = 0
  let index = 0
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      options.onPull?.(index++)
      if (offset < bytes.length) {
        controller.enqueue(bytes.slice(offset, offset + size))
        offset += size
        return
      }
      if (options.ending === 'reset')
        controller.error(new TypeError('terminated: other side closed'))
      else if (options.ending === 'hang') await new Promise(() => undefined)
      else controller.close()
    },
    cancel() {
      options.onCancel?.()
    },
  })
  return new HttpResponse(stream as never, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  })
}

/** SSE text for a list of chunk objects, ended by `[DONE]`. */
export function sseText(events: unknown[], done = true): string {
  const lines = events.map((event) => `data: ${JSON.stringify(event)}\n\n`)
  return lines.join('') + (done ? 'data: [DONE]\n\n' : '')
}

/** A chat.completion.chunk as OpenAI sends it. */
export function chatChunk(
  content: string | null,
  options: { finishReason?: string | null; model?: string } = {},
): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1764380000,
    model: options.model ?? 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        delta: content === null ? {} : { content },
        finish_reason: options.finishReason ?? null,
      },
    ],
    usage: null,
  }
}

/** The usage-only final chunk of `stream_options: { include_usage: true }`. */
export function usageChunk(
  promptTokens: number,
  completionTokens: number,
): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1764380000,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  }
}

/** A non-streamed chat.completion whose message content is `content`. */
export function chatCompletion(
  content: string,
  model = 'gpt-4o-mini-2024-07-18',
): Record<string, unknown> {
  return {
    id: 'chatcmpl-json',
    object: 'chat.completion',
    created: 1764380000,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
  }
}
