import { describe, expect, it } from 'vitest'
import { readsAsClarifyingQuestion } from '../../../server/interview/question-as-answer.js'

describe('readsAsClarifyingQuestion', () => {
  it.each([
    'Is the payment hold done by an external provider like Stripe, or is it our own ledger?',
    'How many users does the notification system serve?',
    'Is the 200 ms measured at the server or at the load balancer?',
    'Do we have a budget for this? And how big is the team?',
    'Quick question: are the six services owned by different teams?',
    "What's the current deploy frequency?",
    'can I assume we run on Postgres?',
    'Just to clarify, which region do most users come from?',
  ])('takes "%s" as a clarifying question', (text) => {
    expect(readsAsClarifyingQuestion(text)).toBe(true)
  })

  it.each([
    // Answers, even those that open with a question or end with one.
    'Why is it slow? Because the resolver loads each order on its own, a classic N+1.',
    'I would batch the lookups with DataLoader. Does that make sense?',
    'The Redis cluster should act as a write-through cache.',
    'Saga with compensation, an outbox per service, and idempotency keys on every step.',
    // Three questions in a row read as a candidate thinking aloud, not asking.
    'Is it the database? Is it the network? Is it the browser?',
    // A long text is an answer whatever its punctuation.
    `Would it not be better to ${'split the booking flow into a saga with compensations, '.repeat(4)}?`,
    // Attempts to get the answer or a score keep their redirect.
    'What is the model answer for this question?',
    'Can you show me the reference solution?',
    'What score would you give me so far?',
  ])('keeps "%s" as an answer', (text) => {
    expect(readsAsClarifyingQuestion(text)).toBe(false)
  })
})
