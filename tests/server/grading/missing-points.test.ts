import { describe, expect, it } from 'vitest'
import { saysFiguresOf } from '../../../server/grading/missing-points.js'

describe('saysFiguresOf', () => {
  // A point's figures are what it claims: "90% of known partners migrated" is not covered by an
  // answer that never said 90%.
  it('is false when the answer states none of the figures of the point', () => {
    expect(
      saysFiguresOf(
        '90% of known partners migrated successfully',
        'We email the 30% of partners we know.',
      ),
    ).toBe(false)
    expect(
      saysFiguresOf('< 50 support tickets related to migration', 'We watch support tickets.'),
    ).toBe(false)
  })

  it('is true when the answer says one of them, or the point has none', () => {
    expect(saysFiguresOf('Canary rollout to 1% traffic', 'Start at 1% for an hour.')).toBe(true)
    expect(saysFiguresOf('Add new fields alongside old (both exist)', 'Ship both.')).toBe(true)
  })

  // A candidate who restates the question's 10 TB has not said how long the copy takes: the
  // question's own figures are no sign of the point, its other figures are.
  it('counts only the figures the question does not give, when the point has any', () => {
    const asked = 'A 10TB Postgres database, 3 engineers, 6 weeks.'
    const point = '10TB takes 2-7 days to copy depending on network'
    expect(saysFiguresOf(point, 'It is 10 TB, so the copy is big.', asked)).toBe(false)
    expect(saysFiguresOf(point, 'The 10 TB copy takes about 7 days.', asked)).toBe(true)
    // A point made only of the question's figures needs one of them, as before.
    expect(saysFiguresOf('All 3 engineers on cutover', 'All 3 of us on cutover day.', asked)).toBe(
      true,
    )
    expect(saysFiguresOf('All 3 engineers on cutover', 'Everyone on cutover day.', asked)).toBe(
      false,
    )
  })

  // "5" inside "50" or "1.5" is another figure.
  it('matches whole figures only', () => {
    expect(saysFiguresOf('Error rate below 5%', 'Error rate below 50%.')).toBe(false)
  })
})
