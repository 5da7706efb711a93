import { describe, expect, it } from 'vitest'
import { rebalanceCapped } from '../../../server/grading/rebalance-capped.js'
import { computeOverall } from '../../../server/grading/overall-score.js'

const quoted = ['a quote']
const rubric = [
  { name: 'A', weight: 1 },
  { name: 'B', weight: 1 },
  { name: 'C', weight: 2 },
]

describe('rebalanceCapped', () => {
  it('gives the points the cap took to the criteria with evidence, so the mean is the pooled score', () => {
    const criteria = [
      { name: 'A', score: 3, evidence: [] },
      { name: 'B', score: 5, evidence: quoted },
      { name: 'C', score: 5, evidence: quoted },
    ]
    const out = rebalanceCapped(criteria, rubric, 5)
    expect(out.map((c) => c.score)).toEqual([3, 5.7, 5.7])
    expect(computeOverall(out, rubric)).toBe(5)
  })

  it('passes on what a criterion at 10 cannot take', () => {
    const criteria = [
      { name: 'A', score: 3, evidence: [] },
      { name: 'B', score: 9.8, evidence: quoted },
      { name: 'C', score: 8, evidence: quoted },
    ]
    const out = rebalanceCapped(criteria, rubric, 7.5)
    expect(out.map((c) => c.score)).toEqual([3, 10, 8.5])
    expect(computeOverall(out, rubric)).toBe(7.5)
    // Out of reach with A held at its cap: as close as the others at 10 can bring it.
    expect(rebalanceCapped(criteria, rubric, 9).map((c) => c.score)).toEqual([3, 10, 10])
  })

  it('never lowers a score, and gives nothing back when every criterion is capped', () => {
    const high = [
      { name: 'A', score: 6, evidence: quoted },
      { name: 'B', score: 6, evidence: quoted },
    ]
    expect(rebalanceCapped(high, rubric, 4)).toEqual(high)
    const none = [
      { name: 'A', score: 3, evidence: [] },
      { name: 'B', score: 2, evidence: [] },
    ]
    expect(rebalanceCapped(none, rubric, 6)).toEqual(none)
  })

  // The offline grader takes its overall from exact scores: rounding each criterion first could
  // move the mean a tenth off the pooled score.
  it('leaves the scores unrounded when asked, so their mean is the pooled score exactly', () => {
    const criteria = [
      { name: 'A', score: 3, evidence: [] },
      { name: 'B', score: 5, evidence: quoted },
      { name: 'C', score: 5, evidence: quoted },
    ]
    const out = rebalanceCapped(criteria, rubric, 5.04, false)
    expect(out[1]!.score).toBeCloseTo(5.72)
    const mean = (out[0]!.score + out[1]!.score + 2 * out[2]!.score) / 4
    expect(mean).toBeCloseTo(5.04, 10)
  })
})
