import { beforeAll, describe, expect, it } from 'vitest'
import { applyTurnChunk } from '../../../server/interview/interviewer-engine.js'
import { LlmError, type LlmClient, type LlmStreamEvent } from '../../../server/llm/llm-client.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'
import { startLlmTurn } from './fixtures/llm-turn.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

/**
 * A client whose stream says the text is complete (`text-end`, as the OpenAI adapter does at a
 * finish_reason chunk), then waits for `open()` before its `done` with the usage, as a server
 * sends the usage chunk and [DONE] a token interval later.
 */
function gatedClient(chunks: string[]) {
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  const llm: LlmClient = {
    provider: 'gated',
    model: 'gated-model',
    completeJson: () => Promise.reject(new Error('not used')),
    async *streamChat(): AsyncIterable<LlmStreamEvent> {
      for (const text of chunks) {
        await new Promise((resolve) => setImmediate(resolve))
        yield { type: 'delta', text }
      }
      yield { type: 'text-end' }
      await gate
      yield { type: 'done', usage: { promptTokens: 900, completionTokens: 30 }, model: 'gated-1' }
    },
  }
  return { llm, open }
}

describe('LLM interviewer at the end of the text', () => {
  it('releases what the filters hold at the text end, then reads the usage', async () => {
    // The last words are a run of the model answer the leak guard holds (six words: a guard
    // holding from five), and no whitespace ends them: only the end of the text releases them.
    const run = question.modelAnswer.split(/\s+/).slice(40, 46).join(' ')
    const reply = `Fair. What would you measure first, given ${run}`
    const { llm, open } = gatedClient(reply.match(/\S+\s*/g)!)
    const turn = startLlmTurn(llm, prompts)
    let text = ''
    let step = await turn.next()
    while (!step.done && text !== reply) {
      text = applyTurnChunk(text, step.value)
      if (text !== reply) step = await turn.next()
    }
    // The whole reply is out while the stream has not ended (the gate is still closed).
    expect(text).toBe(reply)
    open()
    step = await turn.next()
    expect(step.done).toBe(true)
    expect(step.done && step.value.usage).toEqual({ promptTokens: 900, completionTokens: 30 })
  })

  it('keeps a whole text when the stream stalls after it, with no usage and a note', async () => {
    const reply = 'Fair. What would you measure first?'
    const stalled = new LlmError('stalled', 'no data for 30 s', true)
    const turn = await runTurn(reply, stalled, new AbortController())
    expect(turn.text).toBe(reply)
    expect(turn.meta.usage).toBeNull()
    expect(turn.meta.hiddenNotes).toContain('failed after its text was whole')
  })

  it('still fails on an abort after the text, and on a failure before its end', async () => {
    const reply = 'Fair. What would you measure first?'
    const aborted = new AbortController()
    aborted.abort()
    const stalled = new LlmError('stalled', 'no data for 30 s', true)
    await expect(runTurn(reply, stalled, aborted)).rejects.toThrow('no data')
    await expect(runTurn(reply, stalled, new AbortController(), false)).rejects.toThrow('no data')
  })
})

/** One turn over a stream of `reply` that fails with `error` after its text-end (or without one). */
async function runTurn(reply: string, error: Error, controller: AbortController, textEnd = true) {
  const llm: LlmClient = {
    provider: 'failing',
    model: 'failing-model',
    completeJson: () => Promise.reject(new Error('not used')),
    async *streamChat(): AsyncIterable<LlmStreamEvent> {
      yield { type: 'delta', text: reply }
      if (textEnd) yield { type: 'text-end' }
      throw error
    },
  }
  const turn = startLlmTurn(llm, prompts, controller.signal)
  let text = ''
  let step = await turn.next()
  while (!step.done) {
    text = applyTurnChunk(text, step.value)
    step = await turn.next()
  }
  return { text, meta: step.value }
}
