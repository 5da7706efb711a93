import {
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react'
import { MAX_ANSWER_CHARS } from '../../../shared/contract/protocol-contract.js'
import { CandidateMarkdown } from '../../../shared/markdown/candidate-markdown.js'
import { EndConfirmation } from './end-confirmation.js'

/** What the interview's keyboard shortcuts can do to the answer box. */
export type AnswerBoxHandle = {
  focusAnswer: () => void
  togglePreview: () => void
  askToEnd: () => void
}

type AnswerBoxProps = {
  ref?: Ref<AnswerBoxHandle>
  /** Escape in the answer box: leave it (the page moves focus to the newest question). */
  onLeave?: () => void
  draft: string
  onDraftChange: (text: string) => void
  onSend: (text: string) => void
  onClarify: (text: string) => void
  onSkip: () => void
  onEnd: () => void
  /** False while the interviewer is speaking or the session is over. */
  canSend: boolean
  ended: boolean
  mode: 'mock' | 'drill'
}

/**
 * The candidate's answer: Ctrl+Enter (or Cmd+Enter) sends, Ctrl+Shift+Enter asks it as a
 * clarifying question, Escape leaves the box; the count shows the limit, and the text stays in
 * the box (the draft) until it is sent.
 */
export function AnswerBox(props: AnswerBoxProps) {
  const { draft, onDraftChange, onSend, onClarify, onSkip, onEnd, canSend, ended, mode } = props
  const id = useId()
  const [confirmingEnd, setConfirmingEnd] = useState(false)
  const [previewing, setPreviewing] = useState(false)
  const endRef = useRef<HTMLButtonElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  useImperativeHandle(
    props.ref,
    () => ({
      focusAnswer: () => {
        setPreviewing(false)
        // After the preview closes, the box is shown again and can take focus.
        setTimeout(() => textRef.current?.focus())
      },
      togglePreview: () => setPreviewing((p) => !p),
      askToEnd: () => {
        if (!ended) setConfirmingEnd(true)
      },
    }),
    [ended],
  )
  const length = draft.length
  const tooLong = length > MAX_ANSWER_CHARS
  const sendable = canSend && !ended && draft.trim().length > 0 && !tooLong

  const send = () => {
    if (!sendable) return
    onSend(draft.trim())
    onDraftChange('')
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    send()
  }
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      if (event.shiftKey && mode === 'mock') clarify()
      else send()
    } else if (event.key === 'Escape' && props.onLeave) {
      event.preventDefault()
      props.onLeave()
    }
  }
  const clarify = () => {
    if (!sendable) return
    onClarify(draft.trim())
    onDraftChange('')
  }

  return (
    <form className="answer-box" onSubmit={submit} aria-label="Reply to the interviewer">
      <div className="answer-head">
        <label htmlFor={`${id}-answer`} className="answer-label">
          Your answer{' '}
          <span className="hint">
            (Markdown: lists, ```code```, ```mermaid diagrams; Ctrl+Enter sends)
          </span>
        </label>
        <button
          type="button"
          className="link-button"
          aria-pressed={previewing}
          aria-controls={previewing ? `${id}-preview` : undefined}
          onClick={() => setPreviewing((p) => !p)}
        >
          Preview
        </button>
      </div>
      {previewing ? (
        <div
          id={`${id}-preview`}
          className="answer-preview"
          role="region"
          aria-label="Preview of your answer"
          tabIndex={0}
        >
          {draft.trim() ? (
            <CandidateMarkdown text={draft} />
          ) : (
            <p className="muted">Nothing to preview yet.</p>
          )}
        </div>
      ) : null}
      <textarea
        ref={textRef}
        hidden={previewing}
        id={`${id}-answer`}
        value={draft}
        onChange={(e) => onDraftChange(e.target.value)}
        onKeyDown={keyDown}
        rows={5}
        disabled={ended}
        aria-describedby={`${id}-count`}
        aria-invalid={tooLong || undefined}
      />
      <div className="answer-actions">
        <span id={`${id}-count`} className={tooLong ? 'char-count over' : 'char-count'}>
          {length.toLocaleString('en-US')} / {MAX_ANSWER_CHARS.toLocaleString('en-US')} characters
        </span>
        <button type="submit" className="primary" disabled={!sendable}>
          Send
        </button>
        {mode === 'mock' ? (
          <button type="button" onClick={clarify} disabled={!sendable}>
            Ask a clarifying question
          </button>
        ) : null}
        <button type="button" onClick={onSkip} disabled={!canSend || ended}>
          Skip
        </button>
        <button
          type="button"
          className="danger"
          ref={endRef}
          onClick={() => setConfirmingEnd(true)}
          disabled={ended || confirmingEnd}
        >
          {mode === 'drill' ? 'End drill' : 'End interview'}
        </button>
      </div>
      {confirmingEnd && !ended ? (
        <EndConfirmation
          mode={mode}
          onConfirm={() => {
            setConfirmingEnd(false)
            onEnd()
          }}
          onCancel={() => {
            setConfirmingEnd(false)
            // Back where the candidate was, once the button is enabled again.
            setTimeout(() => endRef.current?.focus())
          }}
        />
      ) : null}
    </form>
  )
}
