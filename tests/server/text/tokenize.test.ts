import { describe, expect, it } from 'vitest'
import { splitSentences, tokenizeWords } from '../../../server/text/tokenize.js'

describe('tokenizeWords', () => {
  it('lowercases, keeps decimals and contractions, drops possessives', () => {
    const words = tokenizeWords("The Cache's keys weren’t invalidated: 2.5 reads/sec").map(
      (t) => t.word,
    )
    expect(words).toEqual(['the', 'cache', 'keys', "weren't", 'invalidated', '2.5', 'reads', 'sec'])
  })

  it('reports spans into the original text', () => {
    const text = 'Use  an idempotency-key'
    for (const t of tokenizeWords(text))
      expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.word)
  })
})

describe('splitSentences', () => {
  it('splits on sentence ends and lines, not inside e.g. or decimals', () => {
    const text = 'First, e.g. this one. Second takes 2.5 ms! Third?\n- bullet one\n- bullet two'
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'First, e.g. this one.',
      'Second takes 2.5 ms!',
      'Third?',
      '- bullet one',
      '- bullet two',
    ])
  })

  it('returns verbatim slices with their spans', () => {
    const text = '  I would add a lock.   Then retry safely.\n\n'
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text)
  })

  it('skips fragments without letters or digits', () => {
    expect(splitSentences('... --- !!!')).toEqual([])
  })
})
