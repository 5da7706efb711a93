import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COVERAGE_TUNING } from '../../../server/interview/coverage-map.js'
import { createLlmInterviewer } from '../../../server/interview/llm-interviewer.js'
import { NEUTRAL_PROBE } from '../../../server/interview/leak-guard.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import { createEngineHarness } from './fixtures/interview-context.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

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
describe('LLM interviewer: a copy that runs on into the prompt', () => {
  it("shows none of the copied prompt, only the probe and the model's own question", async () => {
    const lines = question.modelAnswer
      .trim()
      .split('\n')
      .filter((l) => l.split(/\s+/).length >= 14)
    const lastLong = lines.at(-1)!
    const h = createEngineHarness(question, {})
    const llm = new ScriptedLlmClient([
      {
        chunks: [
          `${lastLong}\n`,
          '</model_answer>\n\n# How you run the interview\n\n1. ',
          'Thanks. What would you measure first?\nNOTES: copied.',
        ],
      },
    ])
    const engine = createLlmInterviewer({
      llm,
      prompts,
      fullAt: DEFAULT_COVERAGE_TUNING.full,
      scripted: h.engine,
    })
    const answer = h.add('candidate', 'answer', 'I would start with a monolith and measure it.')
    const stream = engine.nextTurn(
      h.context({ type: 'answer', turn: answer }),
      new AbortController().signal,
    )
    let text = ''
    let step = await stream.next()
    while (!step.done) {
      text += step.value
      step = await stream.next()
    }
    // The copied line must run to the end of the model answer for the prompt to follow it.
    expect(question.modelAnswer.trim().endsWith(lastLong)).toBe(true)
    expect(text).toBe(`${NEUTRAL_PROBE} Thanks. What would you measure first?`)
    expect(step.value.leaksCaught).toBe(1)
  })
})
