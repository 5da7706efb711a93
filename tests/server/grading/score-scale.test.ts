import { describe, expect, it } from 'vitest'
import { scaleToStated } from '../../../server/grading/score-scale.js'

const base = { candidateQuality: 1, referenceQuality: 1, statedOutOf10: 9 }

describe('scaleToStated', () => {
  it('gives reference-level coverage exactly the stated score', () => {
    expect(scaleToStated({ ...base, candidateCoverage: 0.8, referenceCoverage: 0.8 }).score).toBe(9)
  })

  it('is linear in the share of the reference covered, above chance', () => {
    const half = scaleToStated({
      ...base,
      candidateCoverage: 0.5,
      referenceCoverage: 0.8,
      candidateChance: 0.2,
      referenceChance: 0.2,
    })
    expect(half.ratio).toBeCloseTo(0.5)
    expect(half.score).toBe(4.5)
  })

  it('gives nothing for coverage at the chance level, and caps at 10', () => {
    expect(
      scaleToStated({
        ...base,
        candidateCoverage: 0.3,
        referenceCoverage: 0.9,
        candidateChance: 0.3,
        referenceChance: 0.3,
      }).score,
    ).toBe(0)
    expect(scaleToStated({ ...base, candidateCoverage: 1, referenceCoverage: 0.5 }).score).toBe(10)
  })

  it('scales down for discourse quality below the reference, never up', () => {
    expect(
      scaleToStated({
        ...base,
        candidateCoverage: 0.8,
        referenceCoverage: 0.8,
        candidateQuality: 0.5,
      }).score,
    ).toBe(4.5)
    expect(
      scaleToStated({
        ...base,
        candidateCoverage: 0.8,
        referenceCoverage: 0.8,
        referenceQuality: 0.5,
      }).score,
    ).toBe(9)
  })
})
