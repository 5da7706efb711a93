import { describe, expect, it, vi } from 'vitest'
import { createLeakGuard } from '../../../server/interview/leak-guard.js'
import * as spans from '../../../server/interview/span-automaton.js'

// Counts the automata built, by the first word of the text each was built over.
const built = vi.hoisted(() => [] as string[])
vi.mock('../../../server/interview/span-automaton.js', async (importOriginal) => {
  const real = await importOriginal<typeof spans>()
  return {
    ...real,
    buildSpanAutomaton: (words: readonly string[], span: number) => {
      built.push(words[0] ?? '')
      return real.buildSpanAutomaton(words, span)
    },
  }
})

/**
 * The context (the system prompt around the model answer) is read only after a leak, to drop a
 * copy that runs on into it; its automaton is the larger of the two and cost the relay thread
 * 15-30 ms at each question's first turn. So it is built at the first leak, never before.
 */
const MODEL_ANSWER =
  'Lazyctx the connection pool is exhausted under the production load of many concurrent requests today.'
const SYSTEM_PROMPT =
  `Promptctx you are the interviewer.\n<model_answer>\n${MODEL_ANSWER}\n</model_answer>\n\n` +
  '# How you run the interview\n\n1. Ask exactly ONE follow-up question.'

describe('createLeakGuard: the context automaton', () => {
  it('is not built while nothing leaks, and is built at the first leak with the same result', () => {
    const guard = createLeakGuard(MODEL_ANSWER, { context: SYSTEM_PROMPT })
    const clean = 'What would you measure first, and where would you look for the pool?'
    expect(guard.push(clean) + guard.flush()).toBe(clean)
    expect(built).toEqual(['lazyctx'])

    const copy = `${MODEL_ANSWER}\n</model_answer>\n\n# How you run the interview\n\n1. Thanks. What next?`
    const text = guard.push(copy) + guard.flush()
    expect(built).toEqual(['lazyctx', 'promptctx'])
    // What the guard built eagerly before gave: the copy and the prompt it ran on into dropped.
    expect(text).toBe(`Thanks. What next?`)
    expect(guard.leaks).toBe(1)
  })
})
