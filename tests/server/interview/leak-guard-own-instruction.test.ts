import { describe, expect, it } from 'vitest'
import { NEUTRAL_PROBE } from '../../../server/interview/leak-guard.js'
import { guardedFinals } from './fixtures/guarded-finals.js'

/**
 * After a copy that ends a line of the model answer, a model often runs its own ask on in lower
 * case. A question with "?" was kept (capitalised); an instruction, or a question written without
 * "?", went with the copy ("..., walk me through how you'd roll it back" left the candidate with
 * the probe only). The interviewer's own ask is kept, its first letter (and a lone "i")
 * capitalised; words that finish the copied line and ask nothing still go with it.
 */

const MODEL_ANSWER = [
  'Likely causes, in order:',
  '- Connection pool exhaustion under production concurrency with long queue waits',
  '- Garbage collection pauses on the larger production heap causing high latency variance',
  '- Network packet loss between the two datacenters leading to TCP retransmissions',
].join('\n')

const ITEM =
  '- Garbage collection pauses on the larger production heap causing high latency variance'

const finalsOf = (reply: string) => guardedFinals(reply, MODEL_ANSWER).finals

describe('leak guard: the interviewer own ask run on in lower case after a copy', () => {
  it('keeps an instruction with no question mark, capitalised', () => {
    for (const [reply, kept] of [
      [`${ITEM}, walk me through how you'd roll it back`, "Walk me through how you'd roll it back"],
      [`${ITEM} — tell me what you'd measure first.`, "Tell me what you'd measure first."],
      [
        `${ITEM} so describe the first change you would ship.\n`,
        'So describe the first change you would ship.\n',
      ],
      [
        `${ITEM}, i'd like to hear how i would know it worked.`,
        "I'd like to hear how I would know it worked.",
      ],
    ] as const) {
      for (const text of finalsOf(reply)) expect(text, reply).toBe(kept)
    }
  })

  it('keeps a question written without a question mark', () => {
    for (const text of finalsOf(`${ITEM}, so what would you check first.`)) {
      expect(text).toBe('So what would you check first.')
    }
    for (const text of finalsOf(`${ITEM} — how do you tell them apart`)) {
      expect(text).toBe('How do you tell them apart')
    }
  })

  it('still drops words that finish the copied line and ask nothing', () => {
    for (const reply of [
      `${ITEM}, which shows up as timeouts.`,
      `${ITEM} and so on.`,
      `${ITEM}, roughly`,
      `${ITEM} when the heap is large.\n`,
    ]) {
      for (const text of finalsOf(reply)) expect(text.trim(), reply).toBe(NEUTRAL_PROBE)
    }
  })
})
