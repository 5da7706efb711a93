import { describe, expect, it } from 'vitest'
import { compareGrades } from '../../../../../web/src/features/review/hooks/compare-grades.js'
import { makeGrade } from '../../../support/fixtures.js'

describe('compareGrades', () => {
  it('gives the change per criterion by name, and for the overall', () => {
    const earlier = makeGrade({ overall: 4.2 })
    const later = makeGrade({
      overall: 6,
      criteria: [
        { ...makeGrade().criteria[1]!, score: 5 },
        { ...makeGrade().criteria[0]!, score: 6.5 },
        { ...makeGrade().criteria[0]!, name: 'New criterion', score: 3 },
      ],
    })
    expect(compareGrades(earlier, later)).toEqual({
      overall: 1.8,
      criteria: [
        { name: 'Observability', before: 2, after: 5, delta: 3 },
        { name: 'Idempotency', before: 7, after: 6.5, delta: -0.5 },
        { name: 'New criterion', before: null, after: 3, delta: null },
      ],
    })
  })
})
