import { describe, expect, it } from 'vitest'
import {
  emptyFilters,
  filterOptions,
  filterQuestions,
  pickSurprise,
} from '../../../../../web/src/features/library/hooks/filter-questions.js'
import { makeListing } from '../../../support/fixtures.js'

const a = makeListing({
  id: 'a',
  title: 'Payment Race',
  difficulty: 'High',
  companies: ['Stripe'],
  competencies: ['Concurrency'],
})
const b = makeListing({
  id: 'b',
  title: 'Slow Feed',
  difficulty: 'Low',
  level: 'Staff',
  companies: ['Meta', 'Stripe'],
})

describe('filterQuestions', () => {
  it('returns everything with no filter', () => {
    expect(filterQuestions([a, b], emptyFilters)).toEqual([a, b])
  })

  it('matches every word of the text, case-insensitively, across fields', () => {
    expect(filterQuestions([a, b], { ...emptyFilters, text: 'CONCURRENCY race' })).toEqual([a])
    expect(filterQuestions([a, b], { ...emptyFilters, text: 'stripe' })).toEqual([a, b])
    expect(filterQuestions([a, b], { ...emptyFilters, text: 'race meta' })).toEqual([])
  })

  it('applies the facets together', () => {
    expect(filterQuestions([a, b], { ...emptyFilters, company: 'Stripe', level: 'Staff' })).toEqual(
      [b],
    )
    expect(filterQuestions([a, b], { ...emptyFilters, difficulty: 'Medium' })).toEqual([])
  })
})

describe('filterOptions', () => {
  it('lists distinct values, difficulties in their natural order', () => {
    expect(filterOptions([a, b])).toEqual({
      difficulty: ['Low', 'High'],
      role: ['Senior Full-Stack'],
      level: ['Senior', 'Staff'],
      company: ['Meta', 'Stripe'],
    })
  })
})

describe('pickSurprise', () => {
  it('maps the random number onto the list and handles an empty one', () => {
    expect(pickSurprise([a, b], () => 0)).toBe(a)
    expect(pickSurprise([a, b], () => 0.999)).toBe(b)
    expect(pickSurprise([], () => 0.5)).toBeNull()
  })
})
