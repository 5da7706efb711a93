import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { MAX_ANSWER_CHARS } from '../../../shared/contract/protocol-contract.js'
import { EndConfirmation } from './end-confirmation.js'

type AnswerBoxProps = {
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
 * The candidate's answer: Ctrl+Enter (or Cmd+Enter) sends, the count shows the limit, and the
 * text stays in the box (the draft) until it is sent.
 */
export function AnswerBox(props: AnswerBoxProps) {
  const { draft, onDraftChange, onSend, onClarify, onSkip, onEnd, canSend, ended, mode } = props
  const id = useId()
  const [confirmingEnd, setConfirmingEnd] = useState(false)
  const endRef = useRef<HTMLButtonElement>(null)
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
      send()
    }
  }
  const clarify = () => {
    if (!sendable) return
    onClarify(draft.trim())
    onDraftChange('')
  }

  return (
    <form className="answer-box" onSubmit={submit} aria-label="Reply to the interviewer">
      <label htmlFor={`${id}-answer`} className="answer-label">
        Your answer <span className="hint">(Ctrl+Enter sends)</span>
      </label>
      <textarea
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
