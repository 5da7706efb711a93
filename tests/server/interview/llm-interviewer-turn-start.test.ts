import { beforeAll, describe, expect, it } from 'vitest'
import type { LlmClient, LlmStreamEvent } from '../../../server/llm/llm-client.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { startLlmTurn } from './fixtures/llm-turn.js'

let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

/** A client that counts the streams asked of it and whether each was closed. */
function countingClient(reply: string[]) {
  const state = { streams: 0, closed: 0 }
  const llm: LlmClient = {
    provider: 'counting',
    model: 'counting-1',
    completeJson: () => Promise.reject(new Error('not used')),
    streamChat(): AsyncIterable<LlmStreamEvent> {
      state.streams++
      return (async function* (): AsyncGenerator<LlmStreamEvent> {
        try {
          for (const text of reply) yield { type: 'delta', text }
          yield { type: 'text-end' }
          yield { type: 'done', usage: null, model: 'counting-1' }
        } finally {
          state.closed++
        }
      })()
    },
  }
  return { llm, state }
}

// The turn is a hand-written iterator (one promise a token), not the async generator it was:
// these are the generator's guarantees it must keep.
describe('LLM interviewer turn, as an iterator', () => {
  it('asks the model nothing before its first next(), and nothing when returned before it', async () => {
    const { llm, state } = countingClient(['Fair. ', 'What would you measure first?'])
    const unread = startLlmTurn(llm, prompts)
    expect(state.streams).toBe(0)
    expect(await unread.return(undefined as never)).toEqual({ value: undefined, done: true })
    expect(await unread.next()).toEqual({ value: undefined, done: true })
    expect(state.streams).toBe(0)
    const turn = startLlmTurn(llm, prompts)
    expect((await turn.next()).done).toBe(false)
    expect(state.streams).toBe(1)
  })

  it('closes the model stream on throw() mid-text and rejects with the error', async () => {
    const { llm, state } = countingClient(['Fair. ', 'What would ', 'you measure first?'])
    const turn = startLlmTurn(llm, prompts)
    expect((await turn.next()).done).toBe(false)
    await expect(turn.throw(new Error('reader gone'))).rejects.toThrow('reader gone')
    expect(state.closed).toBe(1)
    expect(await turn.next()).toEqual({ value: undefined, done: true })
  })

  it('returns its metadata once, then ends', async () => {
    const { llm } = countingClient(['Fair. ', 'What would you measure first?'])
    const turn = startLlmTurn(llm, prompts)
    let step = await turn.next()
    while (!step.done) step = await turn.next()
    expect(step.value.provider).toBe('counting')
    expect(await turn.next()).toEqual({ value: undefined, done: true })
  })
})
