import { useEffect, useRef } from 'react'
import type { Turn } from '../../../shared/contract/session-contract.js'
import { describeSkip } from '../../../shared/transcript/describe-skip.js'
import type { OutboxItem } from '../hooks/interview-reducer.js'
import { revealTurn } from '../hooks/reveal-turn.js'
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
  const listRef = useRef<HTMLOListElement>(null)
  const lastText = turns.at(-1)?.text.length ?? 0
  // The newest entry (a follow-up as it streams, or an answer being sent) is brought into view,
  // clear of the sticky status bar and answer box.
  useEffect(() => {
    const newest = listRef.current?.lastElementChild
    if (newest instanceof HTMLElement) revealTurn(newest)
  }, [turns.length, lastText, outbox.length])
  return (
    <section className="chat" aria-label="Transcript">
      <ol className="turns" ref={listRef}>
        {turns.map((turn) => (
          <ChatTurn
            key={turn.id}
            turn={turn}
            {...(turn.kind === 'skip' ? { skipText: describeSkip(turns, turn) } : {})}
          />
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
      <p className="visually-hidden" aria-live="polite">
        {lastCompleteInterviewerText(turns)}
      </p>
    </section>
  )
}
