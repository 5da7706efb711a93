import { useMemo } from 'react'
import { navigateTo } from '../../../shared/router/navigate.js'
import { useLocation } from '../../../shared/router/use-location.js'
import {
  emptyFilters,
  filterOptions,
  filterQuestions,
  pickSurprise,
  type QuestionFilters,
} from '../hooks/filter-questions.js'
import { filtersFromSearch, searchFromFilters } from '../hooks/filters-in-url.js'
import { useQuestionList } from '../hooks/use-question-list.js'
import { LibraryFilters } from './library-filters.js'
import { QuestionCard } from './question-card.js'

/**
 * The first page: the bank as cards, with filters, search and "surprise me". The filters live in
 * the URL's query (replaced, not pushed, as they change), so coming back from a question, a
 * reload or a shared link shows the same selection.
 */
export function LibraryPage({ random = Math.random }: { random?: () => number }) {
  const list = useQuestionList()
  const { search } = useLocation()
  const filters = useMemo(() => filtersFromSearch(search), [search])
  const setFilters = (next: QuestionFilters) =>
    navigateTo(`/${searchFromFilters(next)}`, { replace: true })
  const questions = list.status === 'ready' ? list.data : []
  const options = useMemo(() => filterOptions(questions), [questions])
  const shown = useMemo(() => filterQuestions(questions, filters), [questions, filters])

  const surprise = () => {
    const pick = pickSurprise(shown, random)
    if (pick) navigateTo(`/q/${encodeURIComponent(pick.id)}`)
  }

  return (
    <div className="library">
      <header className="page-header page-header-row">
        <div>
          <h1>Question library</h1>
          <p className="lede">
            Pick a question and practise it as a mock interview or a focused drill.
          </p>
        </div>
        <button type="button" className="primary" onClick={surprise} disabled={shown.length === 0}>
          Surprise me
        </button>
      </header>
      <LibraryFilters filters={filters} options={options} onChange={setFilters} />
      {list.status === 'loading' ? <p className="loading">Loading questions…</p> : null}
      {list.status === 'error' ? (
        <p className="error" role="alert">
          Could not load the questions: {list.message}
        </p>
      ) : null}
      {list.status === 'ready' ? (
        <>
          <p className="result-count" role="status">
            {shown.length === questions.length
              ? `${questions.length} questions`
              : `${shown.length} of ${questions.length} questions`}
          </p>
          <ul className="cards">
            {shown.map((q) => (
              <QuestionCard key={q.id} question={q} />
            ))}
          </ul>
          {shown.length === 0 ? (
            <p>
              No question matches.{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setFilters(emptyFilters)}
              >
                Clear the filters
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
