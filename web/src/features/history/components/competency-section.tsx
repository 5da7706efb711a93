import { useId } from 'react'
import type { CompetencySummary } from '../hooks/competency-summary.js'
import { deltaClass, formatDelta } from './format-delta.js'

/** Each competency across the questions that test it, weakest first. */
export function CompetencySection({ summaries }: { summaries: CompetencySummary[] }) {
  const id = useId()
  if (summaries.length === 0) return null
  return (
    <section className="history-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Per competency, across questions</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Competencies">
        <table className="competency-table">
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Sessions</th>
              <th scope="col">Mean</th>
              <th scope="col">Latest</th>
              <th scope="col">Since the first</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>
                  {c.sessions} ({c.questions} {c.questions === 1 ? 'question' : 'questions'})
                </td>
                <td>{c.mean.toFixed(1)}</td>
                <td>{c.latest.toFixed(1)}</td>
                <td>
                  {c.change === null ? (
                    'one session'
                  ) : (
                    <span className={deltaClass(c.change)}>{formatDelta(c.change)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
