import { describe, expect, it } from 'vitest'
import { buildSpanAutomaton } from '../../../server/interview/span-automaton.js'

const words = 'a b a b c d a b a b a e'.split(' ')

function depths(input: string, span = 4) {
  const automaton = buildSpanAutomaton(words, span)
  let state = automaton.root
  return input.split(' ').map((w) => {
    state = automaton.step(state, w)
    return automaton.depth(state)
  })
}

describe('buildSpanAutomaton', () => {
  it('tracks the longest run of latest words that begins a span, falling back on a mismatch ("b a b c" copies after "a b a b")', () => {
    // Spans of 4: "a b a b", "b a b c", "a b c d", "b c d a", ..., "b a b a", "a b a e".
    expect(depths('a b a b c')).toEqual([1, 2, 3, 4, 4])
    expect(depths('a b a x a b c')).toEqual([1, 2, 3, 0, 1, 2, 3])
    expect(depths('x a b x b')).toEqual([0, 1, 2, 0, 1])
  })

  it('reaches the span length on a copy and keeps matching the copies that overlap it', () => {
    expect(depths('a b a b a e')).toEqual([1, 2, 3, 4, 4, 4])
  })

  it('counts only runs that can still grow into a whole span', () => {
    // "e" ends the text: no 4-word span begins with it.
    expect(depths('e')).toEqual([0])
    expect(buildSpanAutomaton(words, 4).couldStartSpan('e')).toBe(false)
    expect(buildSpanAutomaton('alpha beta gamma delta'.split(' '), 2).couldStartSpan('gam')).toBe(
      true,
    )
  })
})
