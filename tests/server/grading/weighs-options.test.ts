import { describe, expect, it } from 'vitest'
import { weighsChoice, weighsOptions } from '../../../server/grading/weighs-options.js'

describe('weighsOptions', () => {
  // Two sentences that say what a choice costs: "close with trade-offs" would ask for what is there.
  it('is true of an answer that says twice what it chose not to do and why', () => {
    expect(
      weighsOptions([
        'Roll back rather than hotfix, because a hotfix is code I understood four minutes ago.',
        'What I would not do is raise the pool size.',
        'The catch is that a lock on its own solves nothing.',
      ]),
    ).toBe(true)
  })

  it('is false of an answer that only says what it would do', () => {
    expect(
      weighsOptions([
        'I would add an idempotency key to every charge.',
        'Then a worker picks up pending jobs.',
        'A nightly script compares our rows with Stripe.',
      ]),
    ).toBe(false)
  })

  // One contrast is an aside; the advice is withheld only from an answer that weighs its choices.
  it('needs more than one such sentence', () => {
    expect(
      weighsOptions(['We read the header instead of the path.', 'Then we flip the default.']),
    ).toBe(false)
  })
})

// Phrases the first list missed on answers that weigh every option: each of these sentences says
// what a choice costs or what it was chosen over, so two of them withhold "close with trade-offs".
describe('weighsOptions, phrases beyond "rather than"', () => {
  it.each([
    ['I chose Postgres over Cassandra because the team knows it.', 'It costs almost nothing now.'],
    ["I'd lean towards (a), with two conditions.", 'Event sourcing has an opportunity cost.'],
    [
      "That isn't paying down debt, it's taking out a bigger loan.",
      'The saga looks fast on paper.',
    ],
    ['A second option is versioned keys.', 'Vertical scaling only buys us one more instance size.'],
    [
      'It triggers a formal reconsideration, not an automatic rewrite.',
      'Hidden costs people miss: on-call load and review bandwidth.',
    ],
  ])('%s / %s', (a, b) => {
    expect(weighsChoice(a)).toBe(true)
    expect(weighsChoice(b)).toBe(true)
    expect(weighsOptions([a, b])).toBe(true)
  })

  it('is not a mere "not" or "cost" in passing', () => {
    for (const s of [
      'The cost per million notifications is $4.',
      'It does not matter which pod we start with.',
      'Not every request is slow.',
    ])
      expect(weighsChoice(s), s).toBe(false)
  })
})
