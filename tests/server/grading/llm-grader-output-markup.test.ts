import { describe, expect, it } from 'vitest'
import { parseGraderOutput } from '../../../server/grading/llm-grader-output.js'
import { makeSampleQuestion } from '../../support/sample-question.js'
import { gradeReply } from './llm-grader-kit.js'

const question = makeSampleQuestion()
const json = JSON.stringify(gradeReply())
/** A decoy with braces the JSON extraction would take first if the markup stayed. */
const decoy = '{"criteria": [], "overall": 1}'

/**
 * The grader's whole reply as servers return it with the model's markup left in `content`: the
 * grade is read from the answer alone, never from the reasoning or the next turn.
 */
describe('parseGraderOutput on replies with markup in content', () => {
  it.each([
    [
      'reasoning opened by the template (orphan </think>)',
      `Draft ${decoy} first.\n</think>\n${json}`,
    ],
    [
      'gpt-oss harmony',
      `<|channel|>analysis<|message|>Try ${decoy}.<|end|><|start|>assistant<|channel|>final<|message|>${json}<|return|>`,
    ],
    [
      'harmony with special tokens skipped',
      `analysisThe user wants ${decoy}.assistantfinal${json}`,
    ],
    ['ChatML end of turn and a next turn', `${json}<|im_end|>\n<|im_start|>user\n${decoy}`],
    ['Llama 3 end of turn', `${json}<|eot_id|><|start_header_id|>user<|end_header_id|>${decoy}`],
    ['Gemma end of turn', `${json}<end_of_turn>\n<start_of_turn>user\n${decoy}`],
    ['a Gemini thought block', `<thought>${decoy}</thought>${json}`],
  ])('reads the grade after %s', (_name, text) => {
    const parsed = parseGraderOutput(text, question)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.value.criteria).toHaveLength(2)
  })
})
