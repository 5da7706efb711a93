import type { SessionListItem } from '../api/history-api.js'
import { Link } from '../../../shared/router/link.js'

/** Every session with its date, mode, status and overall score. */
export function SessionTable({ sessions }: { sessions: SessionListItem[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Your sessions">
      <table className="session-table">
        <caption className="visually-hidden">Your sessions</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Question</th>
            <th scope="col">Mode</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>{new Date(s.createdAt).toLocaleString()}</td>
              <td>
                <Link
                  to={
                    s.status === 'ended'
                      ? `/session/${encodeURIComponent(s.id)}/review`
                      : `/session/${encodeURIComponent(s.id)}`
                  }
                >
                  {s.questionTitle}
                </Link>
                {s.parentId ? <span className="muted"> (retry)</span> : null}
              </td>
              <td>
                {s.mode === 'drill' ? 'Drill' : 'Mock'}
                {s.status === 'active' ? ' · open' : ''}
              </td>
              <td>
                {typeof s.overallScore === 'number' ? `${s.overallScore.toFixed(1)} / 10` : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
