import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import { describe, expect, it } from 'vitest'
import { createChunkState, readChatChunk } from '../../../server/llm/read-chat-chunk.js'

/** A chunk as a server sends it: anything the openai SDK types allow, and some they do not. */
const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
  ({
    id: 'c',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices,
    ...extra,
  }) as unknown as ChatCompletionChunk

const read = (c: ChatCompletionChunk) => {
  const state = createChunkState('asked')
  return { text: readChatChunk(c, state), state }
}

describe('readChatChunk on the shapes OpenAI-compatible servers send', () => {
  it.each([
    ['reasoning_content (vLLM, DeepSeek)', { reasoning_content: 'The user wants x.' }],
    ['reasoning (Ollama, OpenRouter, vLLM 0.10+)', { reasoning: 'The user wants x.' }],
    ['thinking', { thinking: 'The user wants x.' }],
    [
      'reasoning_details (OpenRouter)',
      { reasoning_details: [{ type: 'reasoning.text', text: 'x' }] },
    ],
  ])('never shows reasoning sent as %s', (_name, delta) => {
    expect(read(chunk([{ index: 0, delta: { content: null, ...delta } }])).text).toBe('')
  })

  it('reads null content, typed parts and output_text parts', () => {
    expect(read(chunk([{ index: 0, delta: { content: null } }])).text).toBe('')
    const parts = [
      { type: 'thinking', thinking: [{ type: 'text', text: 'hidden' }] },
      { type: 'text', text: 'Where ' },
      { type: 'output_text', text: 'is it?' },
    ]
    expect(read(chunk([{ index: 0, delta: { content: parts } }])).text).toBe('Where is it?')
  })

  it('reads the usage-only chunk with empty choices, and Groq usage in x_groq', () => {
    const usage = { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 }
    expect(read(chunk([], { usage })).state.usage).toEqual({
      promptTokens: 10,
      completionTokens: 3,
    })
    const groq = chunk([{ index: 0, delta: {}, finish_reason: 'stop' }], { x_groq: { usage } })
    expect(read(groq).state).toMatchObject({ usage: { promptTokens: 10 }, finished: true })
  })

  it('keeps text sent with tool calls and counts the calls (finish_reason tool_calls)', () => {
    const { text, state } = read(
      chunk([
        {
          index: 0,
          delta: {
            content: 'Checking the SLA.',
            tool_calls: [{ index: 0, id: 't', function: { name: 'sla', arguments: '{}' } }],
          },
          finish_reason: 'tool_calls',
        },
      ]),
    )
    expect(text).toBe('Checking the SLA.')
    expect(state).toMatchObject({ toolCalls: 1, finished: true, finishReason: 'tool_calls' })
  })

  it('reads a choice without a delta (a whole message, or completions-style text) once', () => {
    expect(read(chunk([{ index: 0, message: { content: 'Why?' } }])).text).toBe('Why?')
    expect(read(chunk([{ index: 0, text: 'Why?' }])).text).toBe('Why?')
    // Together sends the token twice, as `text` and in the delta.
    expect(read(chunk([{ index: 0, text: 'Why?', delta: { content: 'Why?' } }])).text).toBe('Why?')
  })

  it('reads only the first choice', () => {
    const two = chunk([
      { index: 0, delta: { content: 'A' } },
      { index: 1, delta: { content: 'B' } },
    ])
    expect(read(two).text).toBe('A')
  })
})
