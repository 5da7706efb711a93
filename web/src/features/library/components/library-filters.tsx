import { useId } from 'react'
import type { QuestionFilters } from '../hooks/filter-questions.js'

type Options = { difficulty: string[]; role: string[]; level: string[]; company: string[] }

type LibraryFiltersProps = {
  filters: QuestionFilters
  options: Options
  onChange: (filters: QuestionFilters) => void
}

const selects: Array<{ key: keyof Options; label: string; any: string }> = [
  { key: 'difficulty', label: 'Difficulty', any: 'Any difficulty' },
  { key: 'role', label: 'Role', any: 'Any role' },
  { key: 'level', label: 'Level', any: 'Any level' },
  { key: 'company', label: 'Company', any: 'Any company' },
]

/** Text search and one select per facet; every control has a visible label. */
export function LibraryFilters({ filters, options, onChange }: LibraryFiltersProps) {
  const id = useId()
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter questions"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field field-search">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filters.text}
          placeholder="Title, topic or company"
          onChange={(e) => onChange({ ...filters, text: e.target.value })}
        />
      </div>
      {selects.map(({ key, label, any }) => (
        <div className="field" key={key}>
          <label htmlFor={`${id}-${key}`}>{label}</label>
          <select
            id={`${id}-${key}`}
            value={filters[key]}
            onChange={(e) => onChange({ ...filters, [key]: e.target.value })}
          >
            <option value="">{any}</option>
            {options[key].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      ))}
    </form>
  )
}
