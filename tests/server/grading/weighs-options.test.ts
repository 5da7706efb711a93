import { describe, expect, it } from 'vitest'
import { weighsOptions } from '../../../server/grading/weighs-options.js'

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
