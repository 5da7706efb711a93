import { describe, expect, it } from 'vitest'
import { NEUTRAL_PROBE } from '../../../server/interview/leak-guard.js'
import { guardedFinals } from './fixtures/guarded-finals.js'

/**
 * The neutral probe stands in for a dropped copy so the candidate is left with something to
 * answer. When the model's own question (or instruction) survives the drop, the turn already
 * asks: the probe as well made two asks in one turn ("Walk me through how you would approach that
 * part. What would you check first?"). The probe is shown only when nothing the turn keeps asks,
 * and then at its end; it is never shown and taken back.
 */

const MODEL_ANSWER = [
  'Likely causes, in order:',
  '- Garbage collection pauses on the larger production heap causing high latency variance',
  '- Network packet loss between the two datacenters leading to TCP retransmissions',
  '',
  'Start by comparing the pool wait time in production against staging under the same load. If the wait time dominates, raise the pool size and watch the tail latency for an hour.',
].join('\n')

const ITEM =
  '- Garbage collection pauses on the larger production heap causing high latency variance'
const SENTENCE =
  'Start by comparing the pool wait time in production against staging under the same load.'

const finals = (reply: string) => guardedFinals(reply, MODEL_ANSWER)

describe('leak guard: one ask in a turn with a dropped copy', () => {
  it('shows no probe when the question after the copy survives', () => {
    for (const reply of [
      `Thanks. ${SENTENCE} What would you check first?`,
      `Thanks.\n${ITEM}\nWhat would you check first?`,
      `${ITEM} What would you check first?`,
    ]) {
      const { finals: texts, seen } = finals(reply)
      for (const text of texts) expect(text).toMatch(/^(Thanks\.\s)?What would you check first\?$/)
      // Never shown and taken back either.
      for (const state of seen) expect(state).not.toContain(NEUTRAL_PROBE)
    }
  })

  it('shows no probe when an instruction of the model own survives', () => {
    for (const text of finals(`Good. ${SENTENCE} Walk me through the first hour.`).finals) {
      expect(text).toBe('Good. Walk me through the first hour.')
    }
  })

  it('shows no probe when the turn asked before the copy', () => {
    for (const text of finals(`Which pool would you size first? ${SENTENCE}`).finals) {
      expect(text).toBe('Which pool would you size first? ')
    }
  })

  it('ends the turn with the probe when nothing it keeps asks', () => {
    for (const text of finals(`Thanks. ${SENTENCE}`).finals) {
      expect(text).toBe(`Thanks. ${NEUTRAL_PROBE}`)
    }
    for (const text of finals(`Thanks. ${SENTENCE} That is a lot to take in.`).finals) {
      expect(text).toBe(`Thanks. That is a lot to take in. ${NEUTRAL_PROBE}`)
    }
    for (const text of finals(`${ITEM}\n`).finals) expect(text).toBe(NEUTRAL_PROBE)
  })

  it('shows the probe once for two copies in a turn with no ask', () => {
    const reply = `Thanks. ${SENTENCE} Fine.\n${ITEM}\nNoted.`
    for (const text of finals(reply).finals) {
      expect(text.split(NEUTRAL_PROBE)).toHaveLength(2)
      expect(text.endsWith(NEUTRAL_PROBE)).toBe(true)
    }
  })
})
