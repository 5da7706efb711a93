import type { Turn } from '../../../shared/contract/session-contract.js'
import { CandidateMarkdown } from '../../../shared/markdown/candidate-markdown.js'
import { SafeMarkdown } from '../../../shared/markdown/safe-markdown.js'

const kindLabel: Record<Turn['kind'], string> = {
  answer: 'Your answer',
  'clarifying-question': 'Your clarifying question',
  skip: 'You skipped',
  question: 'Interviewer',
  'follow-up': 'Interviewer: follow-up',
  clarification: 'Interviewer: clarification',
  verdict: 'Interviewer: verdict',
  redirect: 'Interviewer: back on track',
  closing: 'Interviewer: closing',
}

/**
 * One turn of the chat. The interviewer's text and the candidate's are Markdown, rendered
 * safely (the interviewer's as it streams; the candidate's with code highlighted and diagrams). A skip says what it skipped
 * (`skipText`, from describeSkip).
 */
export function ChatTurn({ turn, skipText }: { turn: Turn; skipText?: string }) {
  const streaming = turn.role === 'interviewer' && turn.completedAt === null
  return (
    <li
      className={`turn turn-${turn.role} turn-kind-${turn.kind}${streaming ? ' streaming' : ''}`}
      data-turn-id={turn.id}
      aria-busy={streaming || undefined}
      // A question or follow-up takes focus when it is complete (see InterviewPage).
      tabIndex={turn.role === 'interviewer' ? -1 : undefined}
    >
      <p className="turn-label">{kindLabel[turn.kind]}</p>
      {turn.role === 'interviewer' ? (
        <SafeMarkdown>{turn.text || (streaming ? '…' : '')}</SafeMarkdown>
      ) : turn.kind === 'skip' ? (
        <p className="turn-text">{skipText ?? 'Skipped.'}</p>
      ) : (
        <div className="turn-text">
          <CandidateMarkdown text={turn.text} />
        </div>
      )}
    </li>
  )
}
