import { lazy, Suspense, useMemo, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import { Link } from '../../../shared/router/link.js'
import { navigateTo } from '../../../shared/router/navigate.js'
import { startDrill } from '../api/history-api.js'
import { buildChartData } from '../hooks/chart-series.js'
import { pickWeakest } from '../hooks/pick-weakest.js'
import { useHistory } from '../hooks/use-history.js'
import { SessionTable } from './session-table.js'

const ScoreChart = lazy(() => import('./score-chart.js'))

/** Past sessions, scores over time, and "drill my weakest". */
export default function HistoryPage() {
  const { fetch } = useClientDeps()
  const { state, loadMore } = useHistory()
  const [error, setError] = useState<string | null>(null)
  const weakest = useMemo(() => pickWeakest(state.attempts), [state.attempts])
  const chart = useMemo(() => buildChartData(state.attempts), [state.attempts])

  const drillWeakest = async () => {
    if (!weakest) return
    const result = await startDrill(fetch, weakest.questionId, weakest.name)
    if (!result.ok) return setError(result.message)
    navigateTo(`/session/${encodeURIComponent(result.data.id)}`)
  }

  return (
    <div className="history">
      <header className="page-header page-header-row">
        <div>
          <h1>History</h1>
          <p className="lede">Your sessions, newest first, and how your scores move.</p>
        </div>
        <div className="weakest">
          <button
            type="button"
            className="primary"
            onClick={() => void drillWeakest()}
            disabled={!weakest}
          >
            Drill my weakest
          </button>
          <p className="muted" data-testid="weakest">
            {weakest
              ? `Weakest lately: ${weakest.name} (${weakest.weightedScore.toFixed(1)} / 10)`
              : 'Grade a session to find your weakest area.'}
          </p>
        </div>
      </header>
      {error || state.error ? (
        <p className="error" role="alert">
          {error ?? state.error}
        </p>
      ) : null}
      {state.status === 'loading' ? <p className="loading">Loading your sessions…</p> : null}
      {chart.times.length >= 1 ? (
        <figure className="chart-figure">
          <figcaption>
            Scores over time: overall and per competency (the table lists every score)
          </figcaption>
          <Suspense fallback={<div className="score-chart chart-placeholder" />}>
            <ScoreChart data={chart} />
          </Suspense>
        </figure>
      ) : null}
      {state.status === 'ready' && state.sessions.length === 0 ? (
        <p>
          No sessions yet. <Link to="/">Pick a question</Link> to start.
        </p>
      ) : null}
      {state.sessions.length > 0 ? <SessionTable sessions={state.sessions} /> : null}
      {state.nextCursor ? (
        <button type="button" onClick={() => void loadMore()}>
          Show older sessions
        </button>
      ) : null}
    </div>
  )
}
