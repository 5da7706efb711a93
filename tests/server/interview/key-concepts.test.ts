import { describe, expect, it } from 'vitest'
import { extractKeyConcepts } from '../../../server/interview/key-concepts.js'
import { loadFixtureQuestion, loadTimeBombQuestion } from './fixtures/load-question.js'

const timeBomb = loadTimeBombQuestion()
const bank = [timeBomb, loadFixtureQuestion('the-payment-race-condition')]

describe('extractKeyConcepts', () => {
  it('is deterministic and bounded', () => {
    const a = extractKeyConcepts(timeBomb, bank, 10)
    expect(a).toHaveLength(10)
    expect(extractKeyConcepts(timeBomb, bank, 10)).toEqual(a)
  })

  it('leaves out words the candidate can read in the scenario', () => {
    const concepts = extractKeyConcepts(timeBomb, bank, 20)
    for (const c of concepts)
      expect(['notification', 'microservices', 'users']).not.toContain(c.text)
  })

  it('favours terms specific to this answer over words every answer uses', () => {
    const payment = extractKeyConcepts(bank[1]!, bank, 12).map((c) => c.text)
    expect(payment.some((t) => /idempoten|outbox|stripe|ledger/.test(t))).toBe(true)
  })
})
