import { lazy, Suspense, useEffect, useRef } from 'react'
import { useClientDeps } from '../shared/api/client-deps.js'
import { Link } from '../shared/router/link.js'
import { useLocation } from '../shared/router/use-location.js'
import { LibraryPage } from '../features/library/components/library-page.js'
import { matchRoute, type Route } from './match-route.js'
import { ThemeToggle } from './theme-toggle.js'
import { useTheme } from './use-theme.js'

// Everything but the first page loads on demand, to keep the entry bundle small.
const QuestionPage = lazy(() => import('../features/library/components/question-page.js'))
const InterviewPage = lazy(() => import('../features/interview/components/interview-page.js'))
const ReviewPage = lazy(() => import('../features/review/components/review-page.js'))
const HistoryPage = lazy(() => import('../features/history/components/history-page.js'))

function renderRoute(route: Route) {
  switch (route.page) {
    case 'library':
      return <LibraryPage />
    case 'question':
      return <QuestionPage questionId={route.questionId} />
    case 'session':
      return <InterviewPage key={route.sessionId} sessionId={route.sessionId} />
    case 'review':
      return <ReviewPage key={route.sessionId} sessionId={route.sessionId} />
    case 'shared':
      return <ReviewPage key={route.token} token={route.token} />
    case 'history':
      return <HistoryPage />
    case 'not-found':
      return (
        <div>
          <h1>Page not found</h1>
          <p>
            <Link to="/">Go to the question library</Link>
          </p>
        </div>
      )
  }
}

const titles: Record<Route['page'], string> = {
  library: 'Question library',
  question: 'Question',
  session: 'Interview',
  review: 'Review',
  shared: 'Shared review',
  history: 'History',
  'not-found': 'Not found',
}

/** The shell: skip link, header with navigation and theme, the routed page in <main>. */
export function App() {
  const { storage } = useClientDeps()
  const { choice, choose } = useTheme(storage)
  const { pathname } = useLocation()
  const route = matchRoute(pathname)
  const mainRef = useRef<HTMLElement>(null)
  const shownPath = useRef(pathname)

  useEffect(() => {
    document.title = `${titles[route.page]} · Sparring`
  }, [route.page])
  useEffect(() => {
    // After a client-side navigation (not the first load), start keyboard and screen-reader
    // users at the new page. Comparing paths keeps this idempotent under repeated effects.
    if (shownPath.current === pathname) return
    shownPath.current = pathname
    mainRef.current?.focus({ preventScroll: true })
    window.scrollTo?.(0, 0)
  }, [pathname])

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Sparring
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link to="/" aria-current={route.page === 'library' ? 'page' : undefined}>
                Library
              </Link>
            </li>
            <li>
              <Link to="/history" aria-current={route.page === 'history' ? 'page' : undefined}>
                History
              </Link>
            </li>
          </ul>
        </nav>
        <ThemeToggle choice={choice} onChoose={choose} />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>{renderRoute(route)}</Suspense>
      </main>
    </>
  )
}
