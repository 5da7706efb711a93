import { useCallback, useEffect, useMemo, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import type {
  Grade,
  GradingStatus as GradingState,
  Turn,
} from '../../../shared/contract/session-contract.js'
import { Link } from '../../../shared/router/link.js'
import { navigateTo } from '../../../shared/router/navigate.js'
import { requestGrade } from '../../interview/api/interview-api.js'
import { fetchReport, forkSession } from '../api/review-api.js'
import { collectMarks } from '../hooks/collect-marks.js'
import { compareGrades } from '../hooks/compare-grades.js'
import { jumpToQuote } from '../hooks/jump-to-quote.js'
import { useGradeProgress, type GradeProgress } from '../hooks/use-grade-progress.js'
import { useReport } from '../hooks/use-report.js'
import { splitReviewSections } from '../hooks/review-sections.js'
import { GradeSummary } from './grade-summary.js'
import { GradingStatus } from './grading-status.js'
import { ModelAnswer } from './model-answer.js'
import { ReviewTranscript } from './review-transcript.js'

type ReviewPageProps = { sessionId: string } | { token: string }

/** The review: scores with evidence, coverage, the transcript beside the model answer. */
export default function ReviewPage(props: ReviewPageProps) {
  const deps = useClientDeps()
  const readOnly = 'token' in props
  const { state, reload } = useReport(props)
  const [requested, setRequested] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const report = state.status === 'ready' ? state.report : null
  const sessionId = report?.session.id ?? ('sessionId' in props ? props.sessionId : '')
  const waiting =
    !readOnly && report !== null && report.grade === null && report.session.status === 'ended'
  const progress = useGradeProgress(sessionId, waiting, reload)
  const parentGrade = useParentGrade(readOnly ? null : (report?.session.parentId ?? null))

  useEffect(() => {
    if (progress?.stage === 'done') reload()
  }, [progress?.stage, reload])

  const grade = report?.grade ?? (progress?.stage === 'done' ? progress.grade : null)
  const sections = useMemo(() => (grade ? splitReviewSections(grade) : null), [grade])
  const marks = useMemo(() => collectMarks(sections), [sections])
  const changes = useMemo(
    () => (grade && parentGrade ? compareGrades(parentGrade, grade) : null),
    [grade, parentGrade],
  )

  const gradeNow = async () => {
    setRequested(true)
    const result = await requestGrade(deps.fetch, sessionId)
    if (!result.ok && result.status !== 409) {
      setRequested(false)
      setActionError(result.message)
    }
  }
  const retry = async (turn: Turn) => {
    const result = await forkSession(deps.fetch, sessionId, turn.seq)
    if (!result.ok) return setActionError(`Could not retry from here: ${result.message}`)
    navigateTo(`/session/${encodeURIComponent(result.data.id)}`)
  }
  const jump = useCallback(
    (anchorId: string, turnId: string) => void jumpToQuote(anchorId, turnId),
    [],
  )

  if (state.status === 'loading') return <p className="loading">Loading the review…</p>
  if (state.status === 'error' && state.code === 'conflict:session_active' && !readOnly) {
    return (
      <div>
        <h1>This interview is still open</h1>
        <p>The review opens once the interview has ended.</p>
        <Link to={`/session/${encodeURIComponent(sessionId)}`}>Return to the interview</Link>
      </div>
    )
  }
  if (state.status === 'error') {
    return (
      <div>
        <h1>Review not available</h1>
        <p className="error" role="alert">
          {state.message}
        </p>
        <Link to="/history">Back to history</Link>
      </div>
    )
  }
  const { session, turns, question } = state.report
  return (
    <article className="review">
      <header className="page-header">
        <p className="eyebrow">
          {readOnly ? 'Shared review (read-only)' : 'Review'} ·{' '}
          {session.mode === 'drill' ? 'Drill' : 'Mock interview'} ·{' '}
          {new Date(session.createdAt).toLocaleString()}
        </p>
        <h1>{question.title}</h1>
        {session.status === 'active' && !readOnly ? (
          <p>
            This session is still open.{' '}
            <Link to={`/session/${encodeURIComponent(session.id)}`}>Return to the interview</Link>
          </p>
        ) : null}
      </header>
      {actionError ? (
        <p className="error" role="alert">
          {actionError}
        </p>
      ) : null}
      {grade ? (
        <GradeSummary
          grade={grade}
          sections={sections ?? splitReviewSections(grade)}
          changes={changes}
          sessionId={readOnly ? null : session.id}
          onJump={jump}
        />
      ) : session.status === 'ended' ? (
        <GradingStatus
          progress={progress ?? (requested || !report ? null : fromStatus(report.grading))}
          requested={requested}
          onGrade={() => void gradeNow()}
          readOnly={readOnly}
        />
      ) : null}
      <div className="review-columns">
        <ReviewTranscript
          turns={turns}
          marks={marks}
          onRetry={readOnly ? undefined : (t) => void retry(t)}
        />
        <ModelAnswer
          markdown={question.modelAnswer}
          statedScore={`${question.statedScore.value} / ${question.statedScore.scale}`}
        />
      </div>
    </article>
  )
}

/** The report's grading status as progress, so a failure or a run in progress shows at once. */
function fromStatus(grading: GradingState): GradeProgress | null {
  if (grading.state === 'failed')
    return { stage: 'failed', message: grading.message ?? 'Grading failed', grade: null }
  // Cut off by a server stop: shown like a failure, with the button to grade again.
  if (grading.state === 'interrupted')
    return { stage: 'failed', message: grading.message ?? 'Grading was interrupted.', grade: null }
  if (grading.state === 'running')
    return { stage: 'grading', message: grading.message ?? 'Grading…', grade: null }
  return null
}

/** The earlier attempt's grade, for a session forked with "retry from here". */
function useParentGrade(parentId: string | null): Grade | null {
  const { fetch } = useClientDeps()
  const [grade, setGrade] = useState<Grade | null>(null)
  useEffect(() => {
    if (!parentId) return
    let live = true
    void fetchReport(fetch, parentId).then((r) => live && r.ok && setGrade(r.data.grade))
    return () => {
      live = false
    }
  }, [fetch, parentId])
  return grade
}
