import { describe, expect, it } from 'vitest'
import { rankEvidence, type SentenceMatch } from '../../../server/grading/evidence-picker.js'

const sentences = [
  { turnId: 'c1', text: 'We email every key owner with their own numbers each week.' },
  { turnId: 'c1', text: 'A banner in the portal and a changelog entry go out too.' },
  { turnId: 'c2', text: 'A dashboard counts calls per key on the old shape daily.' },
  { turnId: 'c2', text: 'An alert fires when legacy traffic stops falling for a week.' },
]
// Criterion 0 is communication, criterion 1 monitoring: turn c1 is about the first, c2 the second.
const about = [
  [0.6, 0.5, 0.1, 0.1],
  [0.2, 0.1, 0.6, 0.5],
]
const match =
  (eligible = true) =>
  (k: number, t: number): SentenceMatch => ({
    score: about[t]![k]!,
    matched: eligible ? 3 : 1,
    exact: eligible ? 1 : 0,
  })
const describe_ = (k: number, t: number) => about[t]![k]!

describe('rankEvidence', () => {
  it("quotes for each criterion the sentences about it, not the other criterion's", () => {
    const [communication, monitoring] = rankEvidence(sentences, 2, match(), describe_)
    expect(communication!.map((e) => e.turnId)).toEqual(['c1', 'c1'])
    expect(monitoring!.map((e) => e.turnId)).toEqual(['c2', 'c2'])
  })

  // Whether a criterion has evidence moves its score (a criterion without is capped), so that
  // stays the reference's rule: a description that matches does not make evidence on its own.
  it('gives no quote to a criterion no sentence reaches by its reference', () => {
    expect(rankEvidence(sentences, 2, match(false), describe_)).toEqual([[], []])
  })

  it('quotes whole sentences verbatim, at most two per criterion', () => {
    for (const quotes of rankEvidence(sentences, 2, match(), describe_)) {
      expect(quotes.length).toBeLessThanOrEqual(2)
      for (const q of quotes) expect(sentences.map((s) => s.text)).toContain(q.quote)
    }
  })
})
