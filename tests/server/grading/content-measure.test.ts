import { describe, expect, it } from 'vitest'
import { measureContent } from '../../../server/grading/content-measure.js'
import { buildQuestionProfile } from '../../../server/grading/question-profile.js'
import { createTextAnalyzer } from '../../../server/text/text-analyzer.js'
import { makeSampleQuestion } from '../../support/sample-question.js'

// Stems only: fast, and every match below is a shared stem.
const analyzer = createTextAnalyzer()
const question = makeSampleQuestion()
const profile = buildQuestionProfile(analyzer, question)
const index = (name: string) => profile.targets.findIndex((t) => t.name === name)

const answer = [
  'The client retries after a timeout, although the first charge went through.',
  'I would send an idempotency key derived from the order id with each charge.',
]
const filler = 'To be honest, in my experience it always depends on the team and the situation.'

describe('measureContent', () => {
  it("reaches a criterion's reference through the candidate's sentences", () => {
    const m = measureContent(analyzer, profile, answer)
    expect(m.recall[index('Idempotency')]).toBeGreaterThan(0.3)
    expect(m.matched[index('Idempotency')]).toEqual(expect.arrayContaining(['idempotent', 'key']))
    expect(m.fillerShare).toBe(0)
  })

  it('counts filler as filler: recall unchanged, filler share up, wherever it goes', () => {
    const plain = measureContent(analyzer, profile, answer)
    for (const padded of [
      [filler, ...answer],
      [answer[0]!, filler, answer[1]!],
      [...answer, filler, filler],
    ]) {
      const m = measureContent(analyzer, profile, padded)
      expect(m.recall).toEqual(plain.recall)
      expect(m.fillerShare).toBeGreaterThan(0.2)
    }
  })

  it('counts a sentence of filler talk as content only when it names a new point by its own word', () => {
    // As word vectors would: "token" is kin to the reference's "key" (0.6), not the same word.
    const kin: typeof analyzer = {
      ...analyzer,
      similarityMatrix(rows, columns) {
        const sims = analyzer.similarityMatrix(rows, columns)
        rows.forEach((r, i) =>
          columns.forEach((c, j) => {
            if (r.stem === 'key' && c.stem === 'token') sims[i * columns.length + j] = 0.6
          }),
        )
        return sims
      },
    }
    const first = answer[0]!
    const plain = measureContent(kin, profile, [first, 'I would pass a token with each charge.'])
    const talk = measureContent(kin, profile, [
      first,
      'Honestly, I would really pass a token with each charge.',
    ])
    const named = measureContent(kin, profile, [
      first,
      'Honestly, I would really pass an idempotency token with each charge.',
    ])
    const i = index('Idempotency')
    expect(plain.fillerShare).toBe(0)
    expect(talk.recall[i]).toBeLessThan(plain.recall[i]!)
    expect(talk.fillerShare).toBeGreaterThan(0.3)
    expect(named.fillerShare).toBe(0)
    expect(named.recall[i]).toBeGreaterThan(plain.recall[i]!)
  })

  it('splits recall into the points named by their own word and those reached by near words', () => {
    // As word vectors would: "token" is kin to the reference's "key" (0.6), not the same word.
    const kin: typeof analyzer = {
      ...analyzer,
      similarityMatrix(rows, columns) {
        const sims = analyzer.similarityMatrix(rows, columns)
        rows.forEach((r, i) =>
          columns.forEach((c, j) => {
            if (r.stem === 'key' && c.stem === 'token') sims[i * columns.length + j] = 0.6
          }),
        )
        return sims
      },
    }
    const i = index('Idempotency')
    const own = measureContent(kin, profile, answer)
    // Stems only, every match is the reference's own word: all of recall is own-word.
    expect(own.ownRecall[i]).toBeCloseTo(own.recall[i]!, 6)
    const near = measureContent(kin, profile, [
      answer[0]!,
      'I would pass a token with each charge.',
    ])
    // "token" reaches "key" only through its vector: recall has it, the own-word part does not.
    expect(near.recall[i]! - near.ownRecall[i]!).toBeCloseTo(
      0.6 / profile.targets[i]!.termIndices.length,
      6,
    )
  })

  it('treats a restatement of what was already said as filler', () => {
    const m = measureContent(analyzer, profile, [...answer, answer[1]!])
    expect(m.fillerShare).toBeCloseTo(1 / 3, 1)
  })

  it('counts figures only in sentences that carry content', () => {
    const m = measureContent(analyzer, profile, [
      ...answer,
      'Reconcile pending orders every 5 minutes.',
      'I have 10 years of experience and 3 kids.',
    ])
    expect(m.figures).toBe(1)
  })

  it('leaves the rubric names out of the references', () => {
    const names = measureContent(analyzer, profile, ['Root cause, idempotency, pragmatism.'])
    const rootCause = profile.targets[index('Root cause')]!
    expect(rootCause.reference).not.toMatch(/^Root cause/)
    expect(names.matched[index('Root cause')]).not.toContain('root')
  })
})
