import { describe, expect, it } from 'vitest'
import { createMarkupFilter, stripModelMarkup } from '../../../server/llm/strip-model-markup.js'

import { runFilter as run, splits } from './markup-runs.js'

const cases = [
  {
    name: 'an inline think block (DeepSeek-R1 via Together)',
    text: '<think>\nThe candidate skipped capacity; model answer says 12k/s.\n</think>\n\nHow many writes per second?',
    visible: '\n\nHow many writes per second?',
  },
  {
    name: 'a reasoning block in capitals',
    text: 'Fair. <REASONING>they missed the lock</REASONING>Where does the lock live?',
    visible: 'Fair. Where does the lock live?',
  },
  {
    name: 'a Hermes tool call as text (Ollama)',
    text: 'Let me check.<tool_call>\n{"name": "lookup", "arguments": {"q": "x"}}\n</tool_call>',
    visible: 'Let me check.',
  },
  {
    name: 'a Llama 3.1 function call',
    text: 'One moment. <function=search>{"query": "sharding"}</function> Which key do you shard on?',
    visible: 'One moment.  Which key do you shard on?',
  },
  {
    name: 'Mistral [TOOL_CALLS] runs to the end',
    text: 'Sure.[TOOL_CALLS][{"name": "grade", "arguments": {}}]',
    visible: 'Sure.',
  },
  {
    name: 'text with a bare < and [ that are no tags',
    text: 'Is p99 < 200 ms, and is [a] list <b>bold</b>?',
    visible: 'Is p99 < 200 ms, and is [a] list <b>bold</b>?',
  },
  {
    // No empty code block is left where the call was.
    name: 'a tool call the model wrapped in a code fence, with its fences',
    text: 'Let me check.\n```json\n<tool_call>{"name": "lookup"}</tool_call>\n```\nWhich key?',
    visible: 'Let me check.\nWhich key?',
  },
  {
    name: 'a think block in a bare fence, with its fences',
    text: 'Fair.\n```\n<think>they skipped it</think>\n```\nWhere is the lock?',
    visible: 'Fair.\nWhere is the lock?',
  },
  {
    name: 'a code block of its own, kept whole',
    text: 'Say it reads:\n```ts\nif (a < b) return cache.get(id)\n```\nWhy stale?',
    visible: 'Say it reads:\n```ts\nif (a < b) return cache.get(id)\n```\nWhy stale?',
  },
  {
    // The template opened the block in the prompt: all before the closer was reasoning.
    name: 'an orphan closing tag with the reasoning before it',
    text: 'reasoning here</think>What is the SLO?',
    visible: 'What is the SLO?',
  },
]

describe('createMarkupFilter', () => {
  it.each(cases)('removes $name however the deltas are split', ({ text, visible }) => {
    for (const deltas of splits(text)) expect(run(deltas).out).toBe(visible)
  })

  it('drops an unclosed think block to the end of the reply', () => {
    expect(run(['Ok. <think>still thinking when the', ' stream ended']).out).toBe('Ok. ')
  })

  it('holds only a possible tag start, not whole sentences', () => {
    const filter = createMarkupFilter()
    expect(filter.push('How would you shard it? <thi')).toBe('How would you shard it? ')
    expect(filter.push('s is not a tag')).toBe('<this is not a tag')
  })

  it('holds a line opening a code fence only until the next line begins', () => {
    const filter = createMarkupFilter()
    expect(filter.push('Say it reads:\n```ts\n')).toBe('Say it reads:\n')
    expect(filter.push('const a')).toBe('```ts\nconst a')
  })

  it('counts what it removed', () => {
    expect(run(['<think>a</think>b<tool_call>{}</tool_call>']).removed).toEqual({
      reasoning: 1,
      toolCalls: 1,
    })
  })
})

describe('stripModelMarkup', () => {
  it('removes a think block and keeps the JSON after it', () => {
    expect(stripModelMarkup('<think>{"score": 1} maybe</think>{"score": 7}')).toBe('{"score": 7}')
  })

  it('drops reasoning whose opening tag was in the prompt', () => {
    expect(stripModelMarkup('Let me weigh {x}.\n</think>\n{"score": 7}')).toBe('\n{"score": 7}')
  })

  it('leaves a reply without markup alone', () => {
    expect(stripModelMarkup('{"a": "<b>"}')).toBe('{"a": "<b>"}')
  })
})
