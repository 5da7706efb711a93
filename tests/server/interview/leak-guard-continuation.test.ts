import { describe, expect, it } from 'vitest'
import { createLeakGuard } from '../../../server/interview/leak-guard.js'
import { copiedSpans } from './fixtures/copied-spans.js'

/**
 * A copy rarely stops at a sentence end. bench:interviewer caught a model copying a lead-in of
 * the model answer and the short list item under it: the guard dropped the lead-in (12 copied
 * words) and showed the item (9 words, under the span) on its own. Another copied the end of the
 * model answer and went on into the prompt around it (`</model_answer>`, the next heading), which
 * showed as markup. After a leak, every sentence that carries on the copy must go with it.
 */

const MODEL_ANSWER =
  'Cause 3: the connection pool is exhausted under the production load of many concurrent requests.\n\n' +
  'Cause 4: Network packet loss or MTU (Maximum Transmission Unit) mismatch between the two sites\n\n' +
  'Production datacenter might have different network topology causing TCP retransmissions.\n\n' +
  'Fifth, when to consolidate: sometimes the right answer is “we over-engineered, let’s backtrack.”'

const SYSTEM_PROMPT =
  'You are the interviewer.\n\nThe model answer, for judging gaps only:\n<model_answer>\n' +
  `${MODEL_ANSWER}\n</model_answer>\n\n# How you run the interview\n\n` +
  '1. After each answer, ask exactly ONE follow-up question.'

function guardAll(chunks: string[], context?: string) {
  const guard = createLeakGuard(MODEL_ANSWER, context ? { context } : {})
  const text = chunks.map((c) => guard.push(c)).join('') + guard.flush()
  return { text, leaks: guard.leaks }
}

describe('createLeakGuard: a copy that runs past its sentence', () => {
  it('drops the short list item that carries on a dropped lead-in', () => {
    const { text, leaks } = guardAll([
      'Cause 4: Network packet loss or MTU (Maximum Transmission Unit) mismatch between the two sites\n\n',
      '- Production datacenter might have different network topology causing TCP retransmissions. ',
      'Thanks. What would you check first?',
    ])
    expect(leaks).toBe(1)
    expect(text).toBe(`Thanks. What would you check first?`)
  })

  it('drops it whatever the delta boundaries', () => {
    const reply =
      'Cause 4: Network packet loss or MTU (Maximum Transmission Unit) mismatch between the two sites\n\n' +
      '- Production datacenter might have different network topology causing TCP retransmissions. ' +
      'Thanks. What would you check first?'
    for (const size of [1, 3, 7, 20]) {
      const { text } = guardAll(reply.match(new RegExp(`.{1,${size}}`, 'gs')) ?? [])
      expect(text, `deltas of ${size}`).toBe(`Thanks. What would you check first?`)
    }
  })

  it('drops the prompt text a copy runs on into, when the guard knows the prompt', () => {
    const { text } = guardAll(
      [
        'Fifth, when to consolidate: sometimes the right answer is “we over-engineered, let’s backtrack.”\n',
        '</model_answer>\n\n# How you run the interview\n\n1. Thanks. What would you consolidate first?',
      ],
      SYSTEM_PROMPT,
    )
    expect(text).toBe(`Thanks. What would you consolidate first?`)
    expect(text).not.toMatch(/model_answer|How you run/)
  })

  it('keeps the next sentence when it only starts like the model answer', () => {
    // "Production" begins a sentence of the model answer, but does not carry on the copied one.
    const { text } = guardAll([
      'Cause 3: the connection pool is exhausted under the production load of many concurrent requests. ',
      'Production is where you measured it, right?',
    ])
    expect(text).toBe(`Production is where you measured it, right?`)
  })

  it('never treats the prompt alone as a leak: only the model answer is secret', () => {
    const reply = 'After each answer, ask exactly ONE follow-up question, you are the interviewer.'
    expect(guardAll([reply], SYSTEM_PROMPT)).toEqual({ text: reply, leaks: 0 })
  })

  it('leaves no copied span of the model answer in a long copied run', () => {
    const { text } = guardAll(
      [`Well. ${MODEL_ANSWER}\n</model_answer>\n\nSo, what first?`],
      SYSTEM_PROMPT,
    )
    expect(copiedSpans(text, MODEL_ANSWER)).toEqual([])
    expect(text).toBe(`Well. \n\nSo, what first?`)
  })
})
