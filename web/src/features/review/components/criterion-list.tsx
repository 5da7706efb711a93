import type { CriterionGrade } from '../../../shared/contract/session-contract.js'
import type { CriterionChange } from '../hooks/compare-grades.js'
import { quoteAnchorId } from '../hooks/collect-marks.js'
import { ScoreBar } from './score-bar.js'

type CriterionListProps = {
  title: string
  group: 'criterion' | 'competency'
  grades: Array<CriterionGrade & { alsoCompetency?: boolean }>
  changes?: CriterionChange[]
  onJump: (anchorId: string, turnId: string) => void
}

function describeChange(change: CriterionChange | undefined): string | null {
  if (!change || change.delta === null) return null
  if (change.delta === 0) return 'no change from the earlier attempt'
  return `${change.delta > 0 ? '+' : ''}${change.delta.toFixed(1)} against the earlier attempt (${change.before?.toFixed(1)})`
}

/** Scores with bars; each evidence quote is a button that jumps to it in the transcript. */
export function CriterionList({ title, group, grades, changes, onJump }: CriterionListProps) {
  return (
    <section className="criteria" aria-label={title}>
      <h2>{title}</h2>
      <ol className="criterion-list">
        {grades.map((grade, gi) => {
          const change = describeChange(changes?.find((c) => c.name === grade.name))
          return (
            <li key={grade.name} className="criterion">
              <h3 className="criterion-name">{grade.name}</h3>
              {grade.alsoCompetency ? (
                <p className="muted also-competency">Also one of the competencies it tests</p>
              ) : null}
              <ScoreBar score={grade.score} label={grade.name} />
              {grade.verdict === 'insufficient-evidence' ? (
                <p className="muted">Not enough evidence in the transcript to score this.</p>
              ) : null}
              {change ? (
                <p
                  className={`change ${change.startsWith('+') ? 'change-up' : change.startsWith('-') ? 'change-down' : ''}`}
                >
                  {change}
                </p>
              ) : null}
              <p>{grade.rationale}</p>
              {grade.evidence.length > 0 ? (
                <ul className="evidence-list" aria-label={`Evidence for ${grade.name}`}>
                  {grade.evidence.map((e, qi) => (
                    <li key={`${e.turnId}-${qi}`}>
                      <button
                        type="button"
                        className="quote-button"
                        onClick={() => onJump(quoteAnchorId(group, gi, qi), e.turnId)}
                      >
                        “{e.quote}”
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
              {grade.missing ? (
                <p className="missing">
                  <strong>Missing:</strong> {grade.missing}
                </p>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
