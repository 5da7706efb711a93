import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COVERAGE_TUNING } from '../../../server/interview/coverage-map.js'
import { createLlmInterviewer } from '../../../server/interview/llm-interviewer.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import { createEngineHarness } from './fixtures/interview-context.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'
import { drainTurn } from './fixtures/drain-turn.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

/**
 * A drill verdict through the LLM path: the hint must agree with the verdict and ask nothing,
 * whatever the model wrote; the turn's one question is the model's last line.
 */
describe('LLM interviewer in a drill', () => {
  it('swaps a hint that contradicts a solid verdict and drops a hint that asks', async () => {
    const h = createEngineHarness(question, { mode: 'drill', focus: 'step:3' })
    const engine = createLlmInterviewer({
      llm: new ScriptedLlmClient([
        {
          chunks: [
            'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\n',
            'What would page someone first?\nNOTES: rep.',
          ],
        },
        {
          chunks: [
            'Verdict: partial. Close.\nHint: Have you thought about the queue?\n',
            'Which threshold would you alert on?\nNOTES: rep.',
          ],
        },
      ]),
      prompts,
      fullAt: DEFAULT_COVERAGE_TUNING.full,
      scripted: h.engine,
    })
    const texts: string[] = []
    for (const answer of ['p99 delivery latency and consumer lag, alert at 2 s.', 'Queue depth.']) {
      const turn = h.add('candidate', 'answer', answer)
      const stream = engine.nextTurn(
        h.context({ type: 'answer', turn }),
        new AbortController().signal,
      )
      const { text, meta } = await drainTurn(stream)
      expect(meta).toMatchObject({ kind: 'verdict', target: 'step:3' })
      texts.push(text)
      h.add('interviewer', 'verdict', text, 'step:3')
    }
    expect(texts[0]).toMatch(
      /^Verdict: solid\. You are on it\.\nHint: to push further, .+\nWhat would page someone first\?$/,
    )
    expect(texts[1]).toBe('Verdict: partial. Close.\n\nWhich threshold would you alert on?')
  })
})
