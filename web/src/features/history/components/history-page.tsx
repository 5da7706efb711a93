import { useMemo, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import { Link } from '../../../shared/router/link.js'
import { navigateTo } from '../../../shared/router/navigate.js'
import { startDrill } from '../api/history-api.js'
import { summarizeCompetencies } from '../hooks/competency-summary.js'
import { pickWeakest } from '../hooks/pick-weakest.js'
import { useHistory } from '../hooks/use-history.js'
import { pickWeakestCriteria } from '../hooks/weakest-criteria.js'
import { CompetencySection } from './competency-section.js'
import { QuestionTrendSection } from './question-trend-section.js'
import { SessionTable } from './session-table.js'
import { WeakestCriteriaSection } from './weakest-criteria-section.js'

/**
 * Past sessions and how they move: per question (its attempts over time, per criterion), per
 * competency across questions, the weakest criteria with a drill each, and "drill my weakest".
 */
export default function HistoryPage() {
  const { fetch } = useClientDeps()
  const { state, loadMore } = useHistory()
  const [error, setError] = useState<string | null>(null)
  const weakest = useMemo(() => pickWeakest(state.attempts), [state.attempts])
  const weakCriteria = useMemo(() => pickWeakestCriteria(state.attempts), [state.attempts])
  const competencies = useMemo(() => summarizeCompetencies(state.attempts), [state.attempts])

  const drill = async (questionId: string, focus: string) => {
    const result = await startDrill(fetch, questionId, focus)
    if (!result.ok) return setError(result.message)
    navigateTo(`/session/${encodeURIComponent(result.data.id)}`)
  }
  const drillWeakest = () => {
    if (weakest) void drill(weakest.questionId, `competency:${weakest.name}`)
  }

  return (
    <div className="history">
      <header className="page-header page-header-row">
        <div>
          <h1>History</h1>
          <p className="lede">Your sessions, newest first, and how your scores move.</p>
        </div>
        <div className="weakest">
          <button type="button" className="primary" onClick={drillWeakest} disabled={!weakest}>
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
      <WeakestCriteriaSection
        criteria={weakCriteria}
        onDrill={(c) => void drill(c.questionId, `criterion:${c.name}`)}
      />
      <QuestionTrendSection attempts={state.attempts} />
      <CompetencySection summaries={competencies} />
      {state.status === 'ready' && state.sessions.length === 0 ? (
        <p>
          No sessions yet. <Link to="/">Pick a question</Link> to start.
        </p>
      ) : null}
      {state.sessions.length > 0 ? (
        <section className="history-section" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <SessionTable sessions={state.sessions} />
        </section>
      ) : null}
      {state.nextCursor ? (
        <button type="button" onClick={() => void loadMore()}>
          Show older sessions
        </button>
      ) : null}
    </div>
  )
}
