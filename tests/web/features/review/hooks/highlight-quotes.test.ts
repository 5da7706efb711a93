import { describe, expect, it } from 'vitest'
import { highlightQuotes } from '../../../../../web/src/features/review/hooks/highlight-quotes.js'

describe('highlightQuotes', () => {
  it('splits the text around each quote, in text order', () => {
    expect(
      highlightQuotes('take a lock, then add a key', [
        { id: 'b', quote: 'add a key' },
        { id: 'a', quote: 'a lock' },
      ]),
    ).toEqual([
      { text: 'take ', quoteId: null },
      { text: 'a lock', quoteId: 'a' },
      { text: ', then ', quoteId: null },
      { text: 'add a key', quoteId: 'b' },
    ])
  })

  it('skips quotes that are not in the text and overlapping ones', () => {
    const segments = highlightQuotes('abcdef', [
      { id: 'x', quote: 'bcd' },
      { id: 'y', quote: 'cde' },
      { id: 'z', quote: 'nope' },
    ])
    expect(segments.filter((s) => s.quoteId).map((s) => s.quoteId)).toEqual(['x'])
    expect(segments.map((s) => s.text).join('')).toBe('abcdef')
  })

  it('marks a later occurrence when the first is taken', () => {
    const segments = highlightQuotes('key and key', [
      { id: 'a', quote: 'key' },
      { id: 'b', quote: 'key' },
    ])
    expect(segments).toEqual([
      { text: 'key', quoteId: 'a' },
      { text: ' and ', quoteId: null },
      { text: 'key', quoteId: 'b' },
    ])
  })

  it('returns the whole text when nothing is quoted', () => {
    expect(highlightQuotes('plain', [])).toEqual([{ text: 'plain', quoteId: null }])
  })
})
