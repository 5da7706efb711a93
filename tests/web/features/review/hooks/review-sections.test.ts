import { describe, expect, it } from 'vitest'
import { splitReviewSections } from '../../../../../web/src/features/review/hooks/review-sections.js'
import { makeGrade } from '../../../support/fixtures.js'

describe('splitReviewSections', () => {
  it('lists a competency named like a criterion once, under the criteria, with both evidences', () => {
    const base = makeGrade()
    const grade = makeGrade({
      competencies: [
        ...base.competencies,
        {
          ...base.criteria[0]!,
          name: ' idempotency ',
          score: 3,
          evidence: [
            { turnId: 'c1', quote: 'an idempotency key' },
            { turnId: 'c2', quote: 'a unique constraint' },
          ],
        },
      ],
    })
    const sections = splitReviewSections(grade)
    expect(sections.competencies.map((c) => c.name)).toEqual(['Concurrency'])
    const merged = sections.criteria[0]!
    expect(merged).toMatchObject({ name: 'Idempotency', score: 7, alsoCompetency: true })
    expect(merged.evidence).toEqual([
      { turnId: 'c1', quote: 'an idempotency key' },
      { turnId: 'c2', quote: 'a unique constraint' },
    ])
    expect(sections.criteria[1]!.alsoCompetency).toBe(false)
  })

  it('leaves distinct names alone', () => {
    const grade = makeGrade()
    const sections = splitReviewSections(grade)
    expect(sections.criteria.map((c) => c.name)).toEqual(grade.criteria.map((c) => c.name))
    expect(sections.competencies).toEqual(grade.competencies)
  })
})
