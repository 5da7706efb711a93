import { describe, expect, it } from 'vitest'
import { askStart, asksCandidate, textAsks } from '../../../server/interview/asks-candidate.js'

/**
 * The leak guard keeps the interviewer's own ask after a dropped copy and shows its probe only in
 * a turn that asks nothing: a statement read as an ask would leave a turn with nothing to answer,
 * an ask read as a statement would lose it (or add a second ask).
 */

describe('asksCandidate', () => {
  it('reads questions, instructions and questions written without "?" as asks', () => {
    for (const sentence of [
      'Why?',
      'Which pool would you size first?',
      'Walk me through the first hour.',
      "tell me what you'd measure first",
      "So talk me through how you'd roll it back.",
      'and describe the first change you would ship',
      'Explain how you would verify the fix.',
      'Give me your first three checks.',
      'name the one assumption that changes the design',
      "I'd like to hear how you would test it.",
      'so what would you check first.',
      'which of these would you rule out first',
      'would you roll it back',
      '“Walk me through it,” then.',
    ]) {
      expect(asksCandidate(sentence), sentence).toBe(true)
    }
  })

  it('reads statements and the ends of sentences as no ask', () => {
    for (const sentence of [
      'Thanks.',
      "Let's move on.",
      'That is a lot to take in.',
      'You mentioned retries.',
      'What you described is a good start.',
      'How you roll it back matters most.',
      'Name resolution is slow in staging.',
      'List items render late.',
      'which shows up as timeouts.',
      'and so on.',
      'roughly',
      'when the heap is large.',
      'Do that after the rollout.',
      'Verdict: solid. You are on it.',
    ]) {
      expect(asksCandidate(sentence), sentence).toBe(false)
    }
  })
})

describe('askStart', () => {
  it('finds the ask after words that finish a copied line', () => {
    const text = 'and so on — so how would you roll this out safely'
    expect(text.slice(askStart(text, 3))).toBe('so how would you roll this out safely')
    const roughly = "roughly, tell me what you'd measure first."
    expect(roughly.slice(askStart(roughly, 3))).toBe("tell me what you'd measure first.")
  })

  it('keeps a question whole, with a clause of its own before it', () => {
    expect(askStart('if the cache is cold, what would you check first?', 3)).toBe(0)
    expect(askStart('and why does that hold under load?', 3)).toBe(0)
  })

  it('finds none in words that ask nothing, or too few', () => {
    expect(askStart('and so on.', 3)).toBe(-1)
    expect(askStart('which shows up as timeouts.', 3)).toBe(-1)
    expect(askStart('right?', 3)).toBe(-1)
  })
})

describe('textAsks', () => {
  it('finds an ask in any sentence or line of a turn', () => {
    expect(textAsks('Thanks. That is a lot.\nWhat would you check first?')).toBe(true)
    expect(textAsks('Good. Walk me through the first hour. Fine.')).toBe(true)
    expect(textAsks('Fine.\nand so on — walk me through the first hour.')).toBe(true)
  })

  it('finds none in a turn of statements', () => {
    expect(textAsks('Thanks. That is a lot to take in.\nLet us keep going.')).toBe(false)
    expect(textAsks('')).toBe(false)
  })
})
