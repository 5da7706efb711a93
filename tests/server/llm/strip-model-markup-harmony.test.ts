import { describe, expect, it } from 'vitest'
import { stripModelMarkup } from '../../../server/llm/strip-model-markup.js'
import { runFilter, splits } from './markup-runs.js'

/** gpt-oss's harmony format as llama.cpp, vLLM and Ollama leave it in `content` unparsed. */
const cases = [
  {
    name: 'analysis, then the final message',
    text: '<|channel|>analysis<|message|>The user wants a probe on caching. We need one question.<|end|><|start|>assistant<|channel|>final<|message|>Where does the cache sit?<|return|>',
    visible: 'Where does the cache sit?',
  },
  {
    name: 'the start header given by the server, the analysis ended by the next header',
    text: '<|start|>assistant<|channel|>analysis<|message|>Think it over.<|start|>assistant<|channel|>final<|message|>What is the SLO?',
    visible: 'What is the SLO?',
  },
  {
    name: 'a commentary tool call with a constrained header',
    text: 'Checking.<|start|>assistant<|channel|>commentary to=functions.lookup <|constrain|>json<|message|>{"q":"sla"}<|call|>',
    visible: 'Checking.',
  },
  {
    name: 'the analysis opened by the template: only its end shows',
    text: 'We need to ask about the cache.<|end|><|start|>assistant<|channel|>final<|message|>Which cache?',
    visible: 'Which cache?',
  },
  {
    name: 'a final message then the model writing the user turn',
    text: '<|channel|>final<|message|>How do you shard?<|end|><|start|>user<|message|>By user id.',
    visible: 'How do you shard?',
  },
  {
    name: 'special tokens skipped by the server',
    text: 'analysisThe user asks about caching. We need to ask one question.assistantfinalWhere does the cache sit?',
    visible: 'Where does the cache sit?',
  },
]

describe('harmony (gpt-oss) in content', () => {
  it.each(cases)('shows only the final message: $name, however split', ({ text, visible }) => {
    for (const deltas of splits(text)) {
      const run = runFilter(deltas)
      expect(run.out, JSON.stringify(deltas)).toBe(visible)
      for (const shown of run.shown) expect(visible.startsWith(shown) || shown === '').toBe(true)
    }
    expect(stripModelMarkup(text)).toBe(visible)
  })

  it('counts a reply with only analysis as reasoning and shows nothing', () => {
    const run = runFilter(['<|channel|>analysis<|message|>We need', ' to think.<|end|>'])
    expect(run.out).toBe('')
    expect(run.removed.reasoning).toBe(1)
  })

  it('counts a commentary call as a tool call', () => {
    const run = runFilter(['<|channel|>commentary to=functions.search<|message|>{}<|call|>'])
    expect(run).toMatchObject({ out: '', removed: { toolCalls: 1 } })
  })

  it('leaves words like analysis and final in ordinary text alone', () => {
    const text = 'Your analysis is final? Walk me through the assistant final step.'
    expect(runFilter([text]).out).toBe(text)
  })
})
