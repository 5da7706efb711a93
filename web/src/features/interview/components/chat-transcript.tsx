import { useEffect, useRef } from 'react'
import type { Turn } from '../../../shared/contract/session-contract.js'
import type { OutboxItem } from '../hooks/interview-reducer.js'
import { ChatTurn } from './chat-turn.js'

type ChatTranscriptProps = {
  turns: Turn[]
  outbox: OutboxItem[]
  onDismiss: (clientId: string) => void
}

function lastCompleteInterviewerText(turns: Turn[]): string {
  const done = turns.filter((t) => t.role === 'interviewer' && t.completedAt !== null)
  return done.at(-1)?.text ?? ''
}

/**
 * The conversation so far, plus answers not yet acknowledged. Screen readers hear each
 * interviewer turn once, when it is complete, through a separate live region: not every token.
 */
export function ChatTranscript({ turns, outbox, onDismiss }: ChatTranscriptProps) {
  const endRef = useRef<HTMLDivElement>(null)
  const lastText = turns.at(-1)?.text.length ?? 0
  useEffect(() => {
    const end = endRef.current
    if (end && typeof end.scrollIntoView === 'function') end.scrollIntoView({ block: 'nearest' })
  }, [turns.length, lastText, outbox.length])
  return (
    <section className="chat" aria-label="Transcript">
      <ol className="turns">
        {turns.map((turn) => (
          <ChatTurn key={turn.id} turn={turn} />
        ))}
        {outbox.map((item) => (
          <li key={item.clientId} className="turn turn-candidate turn-pending">
            <p className="turn-label">{item.failed ? 'Not sent' : 'Sending…'}</p>
            <p className="turn-text">{item.kind === 'skip' ? 'Skip' : item.text}</p>
            {item.failed ? (
              <p className="turn-error">
                {item.failed}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onDismiss(item.clientId)}
                >
                  Dismiss
                </button>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <div ref={endRef} />
      <p className="visually-hidden" aria-live="polite">
        {lastCompleteInterviewerText(turns)}
      </p>
    </section>
  )
}
