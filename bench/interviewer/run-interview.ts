import type { Turn } from '../../server/sessions/session-schema.js'
import { openBenchSession } from './bench-session.js'
import type { CandidateMove, InterviewerCue } from './candidate-kinds.js'

/**
 * One exchange: what the candidate did, then the interviewer turn that answered it, and the texts
 * of that turn the candidate saw before a `turn-revise` took a sentence back (usually none).
 */
export type Exchange = { move: CandidateMove | null; reply: Turn; takenBack?: string[] }

/** A whole interview as the bench judges it: the opening (move null), then every exchange. */
export type InterviewRecord = { questionId: string; exchanges: Exchange[]; endedBy: string }

/** More exchanges than any budget allows: a run that gets here is stuck in a loop. */
const MAX_EXCHANGES = 40

/**
 * Runs one interview (or drill) over the WebSocket: the candidate reacts to each interviewer turn until it
 * ends the interview itself or the interviewer closes (budget spent).
 */
export async function runInterview(input: {
  port: number
  questionId: string
  candidate: { next: (cue: InterviewerCue) => CandidateMove }
  followUpBudget: number
  /** A drill on `focus` (`step:N`) instead of a mock interview. */
  drill?: { focus: string }
}): Promise<InterviewRecord> {
  const session = await openBenchSession(input.port, {
    questionId: input.questionId,
    mode: input.drill ? 'drill' : 'mock',
    ...(input.drill ? { focus: input.drill.focus } : {}),
    followUpBudget: input.followUpBudget,
  })
  const exchanges: Exchange[] = []
  let endedBy = 'stuck'
  try {
    const opened = await session.nextInterviewerTurn()
    if (!opened) throw new Error('the session ended before the opening')
    const opening = opened.turn
    exchanges.push({ move: null, reply: opening, takenBack: opened.takenBack })
    // A clarification leaves the previous question pending: the candidate answers that one.
    let pending: InterviewerCue = cueOf(opening)
    for (let i = 0; i < MAX_EXCHANGES; i++) {
      const move = input.candidate.next(pending)
      session.send(toClientMessage(move, i))
      const next = await session.nextInterviewerTurn()
      if (!next) {
        endedBy = 'session-ended'
        break
      }
      const reply = next.turn
      exchanges.push({ move, reply, takenBack: next.takenBack })
      if (reply.kind === 'closing') {
        endedBy = move.type === 'end' ? 'candidate' : 'interviewer'
        break
      }
      if (reply.kind !== 'clarification') pending = cueOf(reply)
    }
  } finally {
    await session.close()
  }
  return { questionId: input.questionId, exchanges, endedBy }
}

function cueOf(turn: Turn): InterviewerCue {
  return { kind: turn.kind, target: turn.target, text: turn.text }
}

function toClientMessage(move: CandidateMove, i: number): Record<string, unknown> {
  if (move.type === 'end') return { type: 'end' }
  return { type: move.type, clientId: `bench-${i}`, text: move.text }
}
