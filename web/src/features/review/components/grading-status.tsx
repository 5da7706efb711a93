import type { GradeProgress } from '../hooks/use-grade-progress.js'

type GradingStatusProps = {
  progress: GradeProgress | null
  requested: boolean
  onGrade: () => void
  readOnly: boolean
}

/** Before a grade exists: a button to grade, then progress while the grader runs. */
export function GradingStatus({ progress, requested, onGrade, readOnly }: GradingStatusProps) {
  if (readOnly) return <p>This session has not been graded yet.</p>
  if (progress?.stage === 'failed') {
    return (
      <div className="grading" role="alert">
        {/* The server's messages already say "Grading failed: ..." or "Grading was interrupted". */}
        <p>
          {progress.message.startsWith('Grading')
            ? progress.message
            : `Grading failed: ${progress.message}`}
        </p>
        <button type="button" onClick={onGrade}>
          Try again
        </button>
      </div>
    )
  }
  if (requested || progress) {
    return (
      <div className="grading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <p>{progress?.message ?? 'Grading your interview…'}</p>
      </div>
    )
  }
  return (
    <div className="grading">
      <p>This interview has not been graded yet.</p>
      <button type="button" className="primary" onClick={onGrade}>
        Grade it now
      </button>
    </div>
  )
}
