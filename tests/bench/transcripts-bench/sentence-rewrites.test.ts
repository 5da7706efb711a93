import { describe, expect, it } from 'vitest'
import { dropArticles, shortSentences } from '../../../bench/transcripts-bench/sentence-rewrites.js'

const words = (text: string) => text.toLowerCase().match(/[a-z0-9$]+/g) ?? []

describe('dropArticles', () => {
  it('drops a, an and the, and nothing else', () => {
    expect(dropArticles('We take the lock on a row, then an update.')).toBe(
      'We take lock on row, then update.',
    )
    // "theory" and "another" are words of their own.
    expect(dropArticles('In theory another pass helps.')).toBe('In theory another pass helps.')
  })
})

describe('shortSentences', () => {
  it('cuts at conjunctions and semicolons and keeps every word', () => {
    const text =
      'The pool is full, so requests wait and time out; we raise it because traffic grew.'
    const cut = shortSentences(text)
    expect(cut).toBe(
      'The pool is full. So requests wait. And time out. we raise it. Because traffic grew.',
    )
    expect(words(cut)).toEqual(words(text))
  })
})
