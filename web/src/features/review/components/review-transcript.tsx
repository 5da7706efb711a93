import type { Turn } from '../../../shared/contract/session-contract.js'
import { SafeMarkdown } from '../../../shared/markdown/safe-markdown.js'
import { describeSkip } from '../../../shared/transcript/describe-skip.js'
import { CandidateMarkdown } from '../../../shared/markdown/candidate-markdown.js'
import type { QuoteToMark } from '../../../shared/markdown/rehype-mark-quotes.js'

type ReviewTranscriptProps = {
  turns: Turn[]
  /** Evidence quotes per candidate turn id. */
  marks: Map<string, QuoteToMark[]>
  /** "Retry from here" at an interviewer turn; absent when read-only. */
  onRetry?: (turn: Turn) => void
}

const NO_QUOTES: QuoteToMark[] = []

/**
 * The transcript, the candidate's turns as Markdown, with each evidence quote marked where it
 * occurs (a jump target).
 */
export function ReviewTranscript({ turns, marks, onRetry }: ReviewTranscriptProps) {
  return (
    <section className="review-transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">Transcript</h2>
      <ol className="turns">
        {turns.map((turn) => (
          <li
            key={turn.id}
            className={`turn turn-${turn.role} turn-kind-${turn.kind}`}
            id={`turn-${turn.id}`}
          >
            <p className="turn-label">{turn.role === 'interviewer' ? 'Interviewer' : 'You'}</p>
            {turn.role === 'interviewer' ? (
              <>
                <SafeMarkdown>{turn.text}</SafeMarkdown>
                {onRetry && turn.kind !== 'closing' ? (
                  <button type="button" className="retry-button" onClick={() => onRetry(turn)}>
                    Retry from here
                  </button>
                ) : null}
              </>
            ) : turn.kind === 'skip' ? (
              <p className="turn-text">{describeSkip(turns, turn)}</p>
            ) : (
              <div className="turn-text">
                <CandidateMarkdown text={turn.text} quotes={marks.get(turn.id) ?? NO_QUOTES} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
