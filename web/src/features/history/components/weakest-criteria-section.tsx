import { useId } from 'react'
import type { WeakCriterion } from '../hooks/weakest-criteria.js'

type WeakestCriteriaSectionProps = {
  criteria: WeakCriterion[]
  onDrill: (criterion: WeakCriterion) => void
}

/** The weakest rubric criteria across all sessions, each one click from a drill on it. */
export function WeakestCriteriaSection({ criteria, onDrill }: WeakestCriteriaSectionProps) {
  const id = useId()
  if (criteria.length === 0) return null
  return (
    <section className="history-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Weakest criteria</h2>
      <ol className="weakest-criteria">
        {criteria.map((c) => (
          <li key={`${c.questionId}-${c.name}`}>
            <span className="weak-name">
              <strong>{c.name}</strong>{' '}
              <span className="muted">
                {c.questionTitle} · {c.score.toFixed(1)} / 10 over {c.sessions}{' '}
                {c.sessions === 1 ? 'session' : 'sessions'}
              </span>
            </span>
            <button
              type="button"
              onClick={() => onDrill(c)}
              aria-label={`Drill ${c.name} (${c.questionTitle})`}
            >
              Drill
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
