import { beforeAll, describe, expect, it } from 'vitest'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'
import { startLlmTurn } from './fixtures/llm-turn.js'
import { drainTurn } from './fixtures/drain-turn.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

/**
 * A model that copies the end of the model answer goes on copying its system prompt (the closing
 * tag, the next heading, a list number) before its own words. The LLM interviewer gives the leak
 * guard the system prompt, so the whole copied run is dropped, not just its first sentence.
 */
/** One LLM turn of a fresh session, the model writing `chunks`. */
async function turnOf(chunks: string[]) {
  const stream = startLlmTurn(new ScriptedLlmClient([{ chunks }]), prompts)
  const { text, meta } = await drainTurn(stream)
  return { text, meta }
}

describe('LLM interviewer: a copy that runs on into the prompt', () => {
  // bench:interviewer's scripted model recited an instruction of its system prompt, which is
  // no model-answer text, and the candidate read it. The prompt's own words are secret too.
  it('drops a recited instruction of the prompt', async () => {
    const { text, meta } = await turnOf([
      'After each answer, ask exactly ONE follow-up question, aimed at the most important gap ',
      'you are given. Thanks. What would you measure first?',
    ])
    expect(text).toBe(`Thanks. What would you measure first?`)
    expect(meta.leaksCaught).toBe(1)
  })

  it("shows none of the copied prompt, only the model's own question", async () => {
    const lines = question.modelAnswer
      .trim()
      .split('\n')
      .filter((l) => l.split(/\s+/).length >= 14)
    const lastLong = lines.at(-1)!
    const { text, meta } = await turnOf([
      `${lastLong}\n`,
      '</model_answer>\n\n# How you run the interview\n\n1. ',
      'Thanks. What would you measure first?\nNOTES: copied.',
    ])
    // The copied line must run to the end of the model answer for the prompt to follow it.
    expect(question.modelAnswer.trim().endsWith(lastLong)).toBe(true)
    expect(text).toBe(`Thanks. What would you measure first?`)
    expect(meta.leaksCaught).toBe(1)
  })
})
