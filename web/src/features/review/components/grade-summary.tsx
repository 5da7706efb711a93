import type { Grade } from '../../../shared/contract/session-contract.js'
import type { compareGrades } from '../hooks/compare-grades.js'
import type { ReviewSections } from '../hooks/review-sections.js'
import { CriterionList } from './criterion-list.js'
import { ExportBar } from './export-bar.js'
import { FrameworkCoverage } from './framework-coverage.js'
import { IgnoredClaims } from './ignored-claims.js'
import { ScoreBar } from './score-bar.js'

type GradeSummaryProps = {
  grade: Grade
  /** The criteria and competencies to list, a criterion and competency of one name merged. */
  sections: ReviewSections
  changes: ReturnType<typeof compareGrades> | null
  /** Null on a shared (read-only) review: no export or share controls. */
  sessionId: string | null
  onJump: (anchorId: string, turnId: string) => void
}

/** Overall score, per-criterion and per-competency scores, coverage and next steps. */
export function GradeSummary({ grade, sections, changes, sessionId, onJump }: GradeSummaryProps) {
  return (
    <div className="grade-summary">
      <section className="overall" aria-labelledby="overall-heading">
        <h2 id="overall-heading">Overall</h2>
        <p className="overall-score">
          <span data-testid="overall-score">{grade.overall.toFixed(1)}</span>
          <span className="overall-scale"> / 10</span>
        </p>
        <ScoreBar score={grade.overall} label="Overall" showValue={false} />
        {changes ? (
          <p
            className={
              changes.overall > 0
                ? 'change change-up'
                : changes.overall < 0
                  ? 'change change-down'
                  : 'change'
            }
          >
            {changes.overall > 0 ? '+' : ''}
            {changes.overall.toFixed(1)} against the earlier attempt
          </p>
        ) : null}
        <p className="muted">
          Graded by{' '}
          {grade.grader.kind === 'offline' ? 'the offline grader' : `model ${grade.grader.model}`}
          {grade.droppedQuotes > 0 ? ` · ${grade.droppedQuotes} non-verbatim quotes dropped` : ''}
        </p>
        {sessionId ? <ExportBar sessionId={sessionId} /> : null}
      </section>
      <section className="next-steps" aria-labelledby="next-heading">
        <h2 id="next-heading">Next steps</h2>
        <ol>
          {grade.nextSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {grade.strengths.length > 0 ? (
          <>
            <h3>Strengths</h3>
            <ul>
              {grade.strengths.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : null}
        {grade.gaps.length > 0 ? (
          <>
            <h3>Gaps</h3>
            <ul>
              {grade.gaps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <IgnoredClaims ignored={grade.ignored} />
      <CriterionList
        title="Rubric criteria"
        group="criterion"
        grades={sections.criteria}
        changes={changes?.criteria}
        onJump={onJump}
      />
      {sections.competencies.length > 0 ? (
        <CriterionList
          title="Competencies"
          group="competency"
          grades={sections.competencies}
          onJump={onJump}
        />
      ) : null}
      <FrameworkCoverage steps={grade.framework} />
    </div>
  )
}
