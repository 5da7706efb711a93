import { describe, expect, it } from 'vitest'
import { shorterAndBetter } from '../../../bench/transcripts-bench/offline-bench-grader.js'

describe('shorterAndBetter', () => {
  it('pairs a shorter answer with a higher target against a longer one of the same question', () => {
    const pairs = shorterAndBetter([
      { questionId: 'q1', target: 8.5, words: 100 },
      { questionId: 'q1', target: 6.5, words: 300 },
      { questionId: 'q2', target: 4, words: 400 },
    ])
    expect(pairs).toEqual([{ better: 0, worse: 1 }])
  })

  // Pooled sets are two writers' scales: a terse answer of one is not ranked against the other's.
  it('never pairs cases of two sets', () => {
    const pairs = shorterAndBetter([
      { questionId: 'q1', set: 'dev', target: 8.5, words: 100 },
      { questionId: 'q1', set: 'fresh', target: 6.5, words: 300 },
      { questionId: 'q1', set: 'fresh', target: 9, words: 150 },
    ])
    expect(pairs).toEqual([{ better: 2, worse: 1 }])
  })
})
