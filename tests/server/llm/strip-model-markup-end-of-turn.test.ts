import { describe, expect, it } from 'vitest'
import { stripModelMarkup } from '../../../server/llm/strip-model-markup.js'
import { runFilter, splits } from './markup-runs.js'

/**
 * A server whose stop tokens do not match the model leaves the end-of-turn token in `content`,
 * and the model goes on to write the next turn: the token never shows, nor anything after it.
 */
const TOKENS = [
  '<|im_end|>',
  '<|eot_id|>',
  '<|eom_id|>',
  '<|end_of_text|>',
  '<|endoftext|>',
  '</s>',
  '<eos>',
  '<end_of_turn>',
  '<|end|>',
  '<｜end▁of▁sentence｜>',
]

const ANSWER = 'Fair. Where does the cache sit?'

describe('end-of-turn tokens in content', () => {
  it.each(TOKENS)('drops %s and the turn the model writes after it', (token) => {
    const text = `${ANSWER}${token}\nuser\nIt sits in front of the database.`
    for (const deltas of splits(text)) {
      const run = runFilter(deltas)
      expect(run.out, JSON.stringify(deltas)).toBe(ANSWER)
      for (const shown of run.shown) expect(ANSWER.startsWith(shown)).toBe(true)
    }
    expect(stripModelMarkup(text)).toBe(ANSWER)
  })

  it.each([
    ['ChatML', '<|im_end|>\n<|im_start|>user\nIt sits in front.<|im_end|>'],
    ['ChatML without the end', '\n<|im_start|>user\nIt sits in front.'],
    ['Llama 3', '<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nIt sits in front.'],
    ['Gemma', '<end_of_turn>\n<start_of_turn>user\nIt sits in front.'],
    ['Mistral', '</s>[INST] It sits in front. [/INST]'],
    ['Phi-3', '<|end|>\n<|user|>\nIt sits in front.<|end|>'],
    ['DeepSeek', '<｜end▁of▁sentence｜><｜User｜>It sits in front.'],
  ])('drops a hallucinated next turn (%s)', (_name, tail) => {
    expect(runFilter([ANSWER, tail]).out.trimEnd()).toBe(ANSWER)
    expect(stripModelMarkup(ANSWER + tail).trimEnd()).toBe(ANSWER)
  })

  it('keeps grader JSON before an end-of-turn token', () => {
    expect(stripModelMarkup('{"score": 7}<|im_end|>\n<|im_start|>user\n{"score": 1}')).toBe(
      '{"score": 7}',
    )
  })
})
