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
  (table = about, eligible = true) =>
  (k: number, t: number): SentenceMatch => ({
    score: table[t]![k]!,
    matched: eligible ? 3 : 1,
    exact: eligible ? 1 : 0,
  })
const describeBy = (table: number[][]) => (k: number, t: number) => table[t]![k]!

describe('rankEvidence', () => {
  it("quotes for each criterion the sentences about it, not the other criterion's", () => {
    const [communication, monitoring] = rankEvidence(sentences, 2, {
      matchOf: match(),
      describe: describeBy(about),
    })
    expect(communication!.map((e) => e.turnId)).toEqual(['c1', 'c1'])
    expect(monitoring!.map((e) => e.turnId)).toEqual(['c2', 'c2'])
  })

  // Whether a criterion has evidence moves its score (a criterion without is capped), so that
  // stays the reference's rule: a description that matches does not make evidence on its own.
  it('gives no quote to a criterion no sentence reaches by its reference', () => {
    expect(
      rankEvidence(sentences, 2, { matchOf: match(about, false), describe: describeBy(about) }),
    ).toEqual([[], []])
  })

  it('quotes whole sentences verbatim, at most two per criterion', () => {
    for (const quotes of rankEvidence(sentences, 2, {
      matchOf: match(),
      describe: describeBy(about),
    })) {
      expect(quotes.length).toBeLessThanOrEqual(2)
      for (const q of quotes) expect(sentences.map((s) => s.text)).toContain(q.quote)
    }
  })

  // The words of turn c2 fit both criteria alike; the interviewer asked c2 about monitoring
  // ("How will you know who has migrated?"), c1 about telling clients: each turn is quoted for
  // what it was asked about.
  it('reads a turn as an answer to the question asked before it', () => {
    const even = [
      [0.5, 0.5, 0.5, 0.5],
      [0.5, 0.5, 0.5, 0.5],
    ]
    const askedAbout = [
      [0.8, 0.8, 0.1, 0.1],
      [0.1, 0.1, 0.8, 0.8],
    ]
    const [communication, monitoring] = rankEvidence(sentences, 2, {
      matchOf: match(even),
      describe: describeBy(even),
      asked: describeBy(askedAbout),
    })
    expect(communication![0]!.turnId).toBe('c1')
    expect(monitoring![0]!.turnId).toBe('c2')
  })

  // Each sentence its own turn, so turns do not blur them.
  const apart = sentences.map((s, k) => ({ turnId: `c${k + 1}`, text: s.text }))

  // A criterion that every sentence touches a little ("Phased Strategy" of an answer that walks
  // through its phases) does not claim a sentence that stands out for another criterion because
  // that one's best sentence is stronger still: each measure counts against the criterion's mean
  // over the answer, not against its best sentence (which would put sentence 2 at 0.56 of
  // monitoring's best and 0.86 of phasing's, and give it to phasing).
  it('reads a sentence against what the answer says of each criterion on the whole', () => {
    const table = [
      [0.35, 0.3, 0.3, 0.3],
      [0.1, 0.1, 0.5, 0.9],
    ]
    const [, monitoring] = rankEvidence(apart, 2, {
      matchOf: match(table),
      describe: describeBy(table),
    })
    expect(monitoring!.map((e) => e.quote)).toEqual([sentences[3]!.text, sentences[2]!.text])
  })

  // The first quote keeps a criterion's evidence (and so its score); a second one is only given
  // when the sentence is about this criterion more than any other, not to make up the number.
  it('gives a second quote only when the sentence is more about this criterion than another', () => {
    const table = [
      [0.6, 0.5, 0.1, 0.1],
      [0.1, 0.9, 0.2, 0.2],
    ]
    const [communication] = rankEvidence(apart, 2, {
      matchOf: match(table),
      describe: describeBy(table),
    })
    expect(communication!.map((e) => e.quote)).toEqual([sentences[0]!.text])
  })
})
