import { describe, expect, it } from 'vitest'
import { createTextAnalyzer, type Term } from '../../../server/text/text-analyzer.js'

/**
 * Without word vectors (the coverage maps' analyzer) coverage aligns words by a set of stems and a
 * misspelling check instead of the pairwise loop: the scores must be the pairwise ones exactly.
 */
describe('createTextAnalyzer without vectors', () => {
  const analyzer = createTextAnalyzer()
  /** Coverage as its definition reads: each reference term's best wordSimilarity, weighted. */
  const pairwise = (answer: string, reference: string) => {
    const a = analyzer.terms(answer)
    const r = analyzer.terms(reference)
    const best = (t: Term) => Math.max(0, ...a.map((x) => analyzer.wordSimilarity(t, x)))
    const total = r.reduce((sum, t) => sum + t.weight, 0)
    return total > 0 ? r.reduce((sum, t) => sum + t.weight * best(t), 0) / total : 0
  }
  const TEXTS = [
    'caching the locked rows with retries',
    'cache rows with locks and retries, then recieve the payment',
    'We would receive payments and retry the idempotent writes',
    'Idempotency keys stop the double charge; the ledger reconciles nightly.',
    'a b c',
    '',
  ]

  it('scores every pair of texts as the pairwise alignment does', () => {
    for (const answer of TEXTS) {
      for (const reference of TEXTS) {
        expect(analyzer.coverage(answer, reference).score).toBe(pairwise(answer, reference))
      }
    }
  })

  it('gives a misspelling its credit, and a short word none', () => {
    // "recieve" is one edit from "receive"; a misspelling needs five letters or more.
    expect(analyzer.coverage('recieve', 'receive').score).toBe(0.9)
    expect(analyzer.coverage('lcok', 'lock').score).toBe(0)
    expect(analyzer.similarity('retries recieve', 'receive retries')).toBeCloseTo(0.95, 10)
  })
})
