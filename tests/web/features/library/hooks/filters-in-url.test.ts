import { describe, expect, it } from 'vitest'
import { emptyFilters } from '../../../../../web/src/features/library/hooks/filter-questions.js'
import {
  filtersFromSearch,
  searchFromFilters,
} from '../../../../../web/src/features/library/hooks/filters-in-url.js'

describe('filters in the URL', () => {
  it('round-trips every filter through the query', () => {
    const filters = {
      text: 'saga & outbox',
      difficulty: 'Very High',
      role: 'Tech Lead',
      level: 'Senior',
      company: 'AT&T',
    }
    const search = searchFromFilters(filters)
    expect(search).toBe(
      '?q=saga+%26+outbox&difficulty=Very+High&role=Tech+Lead&level=Senior&company=AT%26T',
    )
    expect(filtersFromSearch(search)).toEqual(filters)
  })

  it('is empty with no filter, and reads a missing or oversized value as empty', () => {
    expect(searchFromFilters(emptyFilters)).toBe('')
    expect(filtersFromSearch('')).toEqual(emptyFilters)
    expect(filtersFromSearch(`?q=${'x'.repeat(201)}&level=Staff&other=1`)).toEqual({
      ...emptyFilters,
      level: 'Staff',
    })
  })
})
