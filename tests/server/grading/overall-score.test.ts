import { describe, expect, it } from 'vitest'
import { computeOverall } from '../../../server/grading/overall-score.js'

describe('computeOverall', () => {
  it('is the plain mean with equal weights by default', () => {
    expect(
      computeOverall([
        { name: 'A', score: 6 },
        { name: 'B', score: 9 },
      ]),
    ).toBe(7.5)
  })

  it('weights criteria by the rubric, matched by name ignoring case', () => {
    const criteria = [
      { name: 'Diagnosis', score: 10 },
      { name: 'Fix', score: 4 },
    ]
    const rubric = [
      { name: 'diagnosis ', weight: 3 },
      { name: 'Fix', weight: 1 },
    ]
    expect(computeOverall(criteria, rubric)).toBe(8.5)
  })

  it('rounds to one decimal and clamps scores to 0-10', () => {
    expect(
      computeOverall([
        { name: 'A', score: 7 },
        { name: 'B', score: 7 },
        { name: 'C', score: 8 },
      ]),
    ).toBe(7.3)
    expect(
      computeOverall([
        { name: 'A', score: 14 },
        { name: 'B', score: -2 },
      ]),
    ).toBe(5)
  })

  it('gives 0 without criteria', () => {
    expect(computeOverall([])).toBe(0)
  })
})
