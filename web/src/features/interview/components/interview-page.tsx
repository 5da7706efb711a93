import { useEffect, useRef, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import type { PublicQuestion } from '../../../shared/contract/question-contract.js'
import { navigateTo } from '../../../shared/router/navigate.js'
import { fetchQuestionDetail } from '../../library/api/library-api.js'
import { endSession, requestGrade } from '../api/interview-api.js'
import { focusTurn, mayTakeFocus } from '../hooks/focus-turn.js'
import { useInterviewShortcuts } from '../hooks/interview-shortcuts.js'
import { useDraft } from '../hooks/use-draft.js'
import { useInterviewSocket } from '../hooks/use-interview-socket.js'
import { useNow } from '../hooks/use-now.js'
import { AnswerBox, type AnswerBoxHandle } from './answer-box.js'
import { ChatTranscript } from './chat-transcript.js'
import { describeClock } from './format-clock.js'
import { InterviewStatusBar } from './interview-status-bar.js'
import { SessionEndedPanel } from './session-ended-panel.js'
import { ShortcutsDialog } from './shortcuts-dialog.js'

/** The live interview (mock or drill): chat, status, answer box. */
export default function InterviewPage({ sessionId }: { sessionId: string }) {
  const deps = useClientDeps()
  const socket = useInterviewSocket(sessionId)
  const { state } = socket
  const [draft, setDraft] = useDraft(sessionId)
  const [question, setQuestion] = useState<PublicQuestion | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const ended = state.ended !== null || state.session?.status === 'ended'
  const now = useNow(!ended && state.session !== null)
  const answerBox = useRef<AnswerBoxHandle>(null)
  const [showShortcuts, setShowShortcuts] = useState(false)
  const newestAsked = state.turns
    .filter((t) => t.role === 'interviewer' && t.completedAt !== null)
    .at(-1)?.id
  const draftRef = useRef(draft)
  draftRef.current = draft
  const focusedTurn = useRef<string | null>(null)
  // Each new question or follow-up takes focus once it is complete, so screen readers read it
  // and keyboard users start from it; not while the candidate is writing.
  useEffect(() => {
    if (!newestAsked || focusedTurn.current === newestAsked) return
    focusedTurn.current = newestAsked
    if (mayTakeFocus(document.activeElement, draftRef.current.trim() === '')) focusTurn(newestAsked)
  }, [newestAsked])

  const questionId = state.session?.questionId
  useEffect(() => {
    if (!questionId) return
    let live = true
    void fetchQuestionDetail(deps.fetch, questionId).then(
      (r) => live && r.ok && setQuestion(r.data),
    )
    return () => {
      live = false
    }
  }, [deps, questionId])

  const streaming = state.turns.some((t) => t.role === 'interviewer' && t.completedAt === null)
  const mode = state.session?.mode ?? 'mock'
  const clock = state.session
    ? describeClock(
        Date.parse(state.session.createdAt),
        now,
        state.session.options.timeLimitMinutes,
      )
    : null

  const end = async () => {
    if (socket.sendEnd()) return
    const result = await endSession(deps.fetch, sessionId)
    if (!result.ok) setActionError(result.message)
  }
  const goToQuestion = () => {
    if (newestAsked) focusTurn(newestAsked)
  }
  useInterviewShortcuts({
    answer: () => answerBox.current?.focusAnswer(),
    question: goToQuestion,
    preview: () => answerBox.current?.togglePreview(),
    skip: () => {
      if (!ended && !streaming && state.session !== null) socket.sendSkip()
    },
    end: () => answerBox.current?.askToEnd(),
    help: () => setShowShortcuts(true),
  })

  const grade = async () => {
    const result = await requestGrade(deps.fetch, sessionId)
    if (!result.ok && result.status !== 409) return setActionError(result.message)
    navigateTo(`/session/${encodeURIComponent(sessionId)}/review`)
  }

  return (
    <div className="interview">
      <header className="page-header">
        <p className="eyebrow">
          {mode === 'drill'
            ? `Drill${state.session?.focus ? ` · ${describeFocus(state.session.focus, question)}` : ''}`
            : 'Mock interview'}
        </p>
        <div className="page-header-row">
          <h1>{question?.title ?? 'Interview'}</h1>
          <button type="button" className="link-button" onClick={() => setShowShortcuts(true)}>
            Keyboard shortcuts <kbd>?</kbd>
          </button>
        </div>
      </header>
      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
      <InterviewStatusBar
        connection={state.connection}
        provider={state.provider}
        progress={state.progress}
        clock={clock}
        mode={mode}
      />
      {state.notices.length > 0 ? (
        <ul className="notices" aria-label="Notices">
          {state.notices.map((n) => (
            <li key={n.seq} className={`notice notice-${n.level}`}>
              {n.message}
            </li>
          ))}
        </ul>
      ) : null}
      {state.session === null ? <p className="loading">Loading the interview…</p> : null}
      <ChatTranscript turns={state.turns} outbox={state.outbox} onDismiss={socket.dismissOutbox} />
      {actionError || state.lastError ? (
        <p className="error" role="alert">
          {actionError ?? state.lastError?.message}
        </p>
      ) : null}
      {ended ? (
        <SessionEndedPanel reason={state.ended} onGrade={grade} />
      ) : (
        <AnswerBox
          ref={answerBox}
          onLeave={goToQuestion}
          draft={draft}
          onDraftChange={setDraft}
          onSend={socket.sendAnswer}
          onClarify={socket.sendClarify}
          onSkip={socket.sendSkip}
          onEnd={() => void end()}
          canSend={!streaming && state.session !== null}
          ended={ended}
          mode={mode}
        />
      )}
    </div>
  )
}

/** `step:3` → `step 3: <its name>`; `competency:Caching` and `criterion:Caching` → `Caching`. */
export function describeFocus(focus: string, question: PublicQuestion | null): string {
  if (focus.startsWith('step:')) {
    const number = Number(focus.slice(5))
    const step = question?.framework.steps.find((s) => s.number === number)
    return step ? `step ${number}: ${step.name}` : `framework step ${number}`
  }
  if (focus.startsWith('competency:')) return focus.slice('competency:'.length)
  if (focus.startsWith('criterion:')) return focus.slice('criterion:'.length)
  return focus
}
