import { describe, expect, it } from 'vitest'
import { measureCertainty } from '../../../server/grading/certainty.js'

describe('measureCertainty', () => {
  it('counts boosters and absolutes against hedges', () => {
    const c = measureCertainty([
      'This is always the cause, and it is guaranteed to fix it.',
      'It might be the pool, or possibly the index; it depends on the plan.',
    ])
    expect(c.boosters).toBe(2)
    expect(c.hedges).toBe(3)
  })

  it('is 0 for an answer that hedges at least as much as it asserts', () => {
    expect(
      measureCertainty([
        'The likely cause is the N+1 pattern, but I would confirm it with tracing.',
        'It could also be the bundle size, so I would check the Performance tab.',
      ]).overconfidence,
    ).toBe(0)
  })

  it('grows with certainty asserted beyond the hedges, up to 1', () => {
    const confident = measureCertainty([
      'We can rule that out completely; it is obviously the gzip setting.',
      'Turn it off, which always works.',
    ])
    expect(confident.overconfidence).toBe(1)
    const some = measureCertainty([
      'It is clearly the cache.',
      'I would add an index.',
      'Then I would add a read replica.',
      'Then I would raise the pool size.',
    ])
    expect(some.overconfidence).toBeCloseTo(0.5)
  })

  it('reads whole words only, in any case', () => {
    // "nevertheless", "surety" and "abouts" are not the markers.
    expect(measureCertainty(['Nevertheless the surety holds, whereabouts unknown.'])).toEqual({
      boosters: 0,
      hedges: 0,
      overconfidence: 0,
    })
    expect(measureCertainty(['ALWAYS. Never.']).boosters).toBe(2)
  })

  // An interview is spoken: "I think", "kind of", "I'd say" leave the same room as "likely".
  it('counts the hedges of speech', () => {
    const c = measureCertainty([
      "I think it's the pool, kind of a classic, but I don’t know yet.",
      "I'd say roll back first, I guess.",
    ])
    expect(c.hedges).toBe(5)
    expect(c.overconfidence).toBe(0)
  })

  // "Clear the caches" and "a clear interface" name things; "it's clear that" asserts.
  it('counts clear, true, certain and evident only where they say a statement is so', () => {
    expect(
      measureCertainty([
        'Invalidations also clear all 10 local caches at once.',
        'Give each module a clear interface; the flag returned true for certain endpoints.',
        'The evident cost is the rewrite.',
      ]).boosters,
    ).toBe(0)
    expect(
      measureCertainty([
        "It's clear that the pool is the cause.",
        "That's true, and I'm certain it is the index.",
        'It is very clear.',
      ]).boosters,
    ).toBe(4)
  })

  // "Make sure" is an instruction and "pretty sure" a hedge; "I'm sure" stays certainty.
  it('reads "sure" after make, be, not, pretty or fairly as no booster', () => {
    expect(
      measureCertainty(['Make sure the errors go down, and be sure to tell support.']).boosters,
    ).toBe(0)
    expect(measureCertainty(["I'm not sure, but I'm pretty sure it is the index."]).boosters).toBe(
      0,
    )
    expect(measureCertainty(["I'm sure it is the index."]).boosters).toBe(1)
  })

  // An aside asserts nothing about the advice: "it's always Friday" is no overconfidence.
  it('counts boosters only in the sentences that touch the question, when given', () => {
    const sentences = ["Ha, it's always Friday, of course.", 'I would roll back the deploy.']
    expect(measureCertainty(sentences).boosters).toBe(2)
    const c = measureCertainty(sentences, ['I would roll back the deploy.'])
    expect(c.boosters).toBe(0)
    expect(c.overconfidence).toBe(0)
  })

  it('is 0 for no sentences', () => {
    expect(measureCertainty([]).overconfidence).toBe(0)
  })
})
