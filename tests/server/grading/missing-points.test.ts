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

  // "5" inside "50" or "1.5" is another figure.
  it('matches whole figures only', () => {
    expect(saysFiguresOf('Error rate below 5%', 'Error rate below 50%.')).toBe(false)
  })
})
