import { z } from 'zod'
import { emptyFilters, type QuestionFilters } from './filter-questions.js'

/** Query parameter names, short so a shared link stays readable: `/?q=saga&difficulty=High`. */
const PARAMS: Record<keyof QuestionFilters, string> = {
  text: 'q',
  difficulty: 'difficulty',
  role: 'role',
  level: 'level',
  company: 'company',
}

/** A value from the address bar: anyone can type one, so an odd one is dropped, never thrown. */
const ParamSchema = z.string().max(200).catch('')

/** The library's filters as the URL's query says them; absent or invalid values are empty. */
export function filtersFromSearch(search: string): QuestionFilters {
  const params = new URLSearchParams(search)
  const filters = { ...emptyFilters }
  for (const key of Object.keys(PARAMS) as Array<keyof QuestionFilters>) {
    filters[key] = ParamSchema.parse(params.get(PARAMS[key]) ?? '')
  }
  return filters
}

/** The query for `filters` (`?q=...`), empty when none is set, in a fixed order. */
export function searchFromFilters(filters: QuestionFilters): string {
  const params = new URLSearchParams()
  for (const key of Object.keys(PARAMS) as Array<keyof QuestionFilters>) {
    if (filters[key]) params.set(PARAMS[key], filters[key])
  }
  const query = params.toString()
  return query ? `?${query}` : ''
}
