import { describe, expect, it } from 'vitest'
import { labelStems } from '../../../server/interview/question-similarity.js'
import { createRepeatFilter } from '../../../server/interview/repeat-filter.js'
import { createStreamedRepeatFilter } from '../../../server/interview/streamed-repeat-filter.js'
import { createRng, type Rng } from '../../support/fuzz.js'

/**
 * Each chunk of the streamed filter, delta by delta, is what comparing its whole shown text with
 * the sentence filter's released + pending text gives: null for no change, the new end while the
 * text only grows, a revision otherwise. The filter takes a shortcut for the common case (the
 * sentences released are the ones shown: only this delta's part is compared), which must give
 * the same chunks as the whole-text comparison, repeats, drill hints and empty deltas included.
 */
const ASKED = ['Let me push on minutes 0-3: what would you do there first, and why that first?']
const IGNORE = labelStems(['Minutes 0-3', 'Minutes 3-7', 'Verification'])
const AGREEING = 'Hint: to push further, name the one number you would watch.'

const REPLIES: Array<{ reply: string; drill: boolean }> = [
  {
    reply: 'Thanks. Let me push on minutes 3-7: what would you do there first, and why that first?',
    drill: false,
  },
  {
    reply:
      'Fair. What would you check first? Again: what would you check first?\n\nAnd how would you roll it out?',
    drill: false,
  },
  { reply: 'Good point.   What next?  Tell me more', drill: false },
  {
    reply:
      'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\nWhat would you cut first?',
    drill: true,
  },
  {
    reply:
      'Verdict: partial. Close.\nHint: Have you thought about what would make you stop?\nWhat is the first thing you would measure?',
    drill: true,
  },
]

function randomSplit(rng: Rng, text: string): string[] {
  const parts: string[] = []
  let at = 0
  while (at < text.length) {
    const size = rng.chance(0.1) ? 0 : 1 + rng.int(10)
    parts.push(text.slice(at, at + size))
    at += size
  }
  return parts
}

describe('createStreamedRepeatFilter, chunk by chunk', () => {
  it('gives the chunks of a whole-text comparison with the sentence filter', () => {
    const rng = createRng(20261203)
    for (const { reply, drill } of REPLIES) {
      for (let i = 0; i < 60; i++) {
        const options = {
          asked: ASKED,
          ignore: IGNORE,
          ...(drill ? { drill: { agreeingHint: () => AGREEING } } : {}),
        }
        const streamed = createStreamedRepeatFilter(options)
        const reference = createRepeatFilter(options)
        let released = ''
        let shown = ''
        const deltas = randomSplit(rng, reply)
        for (const [k, delta] of [...deltas, null].entries()) {
          const chunk = delta === null ? streamed.flush() : streamed.push(delta)
          released += delta === null ? reference.flush() : reference.push(delta)
          const next = released + reference.pending
          const expected =
            next === shown
              ? null
              : next.startsWith(shown)
                ? next.slice(shown.length)
                : { revise: next }
          expect(chunk, `${JSON.stringify(deltas)} at ${k}`).toEqual(expected)
          shown = next
        }
        expect(streamed.shown).toBe(shown)
      }
    }
  })
})
