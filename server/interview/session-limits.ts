import { ProtocolErrorCode } from '../protocol/interview-protocol.js'
import type { Turn, TurnKind } from '../sessions/session-schema.js'

/**
 * How much one session may hold. The follow-up budget already bounds answers and skips in
 * practice, but clarifying questions cost no follow-up, so without these a session could be
 * grown to megabytes (200 questions of 16,000 characters took 2.6 s) and every snapshot of it
 * sent again and again.
 */
type CandidateTurnType = 'answer' | 'skip' | 'clarify'

export type SessionLimits = {
  /** Turns of every kind, the interviewer's included. */
  maxTurns: number
  /** Candidate turns per kind, by the command that makes them. */
  maxCandidateTurns: Record<CandidateTurnType, number>
  /** Characters of text in the whole transcript. */
  maxTranscriptChars: number
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  maxTurns: 160,
  maxCandidateTurns: { answer: 40, skip: 25, clarify: 15 },
  maxTranscriptChars: 400_000,
}

export type LimitRefusal = { ok: false; code: string; message: string }

const KINDS: Record<CandidateTurnType, { kind: TurnKind; name: string }> = {
  answer: { kind: 'answer', name: 'answers' },
  skip: { kind: 'skip', name: 'skips' },
  clarify: { kind: 'clarifying-question', name: 'clarifying questions' },
}

/**
 * Whether a new candidate turn of `kind` with `text` fits in the session; a refusal says which
 * limit and what the candidate can still do. The interviewer's reply needs room too, so a
 * candidate turn is refused when it would leave none.
 */
export function checkSessionLimits(
  turns: readonly Turn[],
  type: CandidateTurnType,
  text: string,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
): LimitRefusal | null {
  const { kind, name } = KINDS[type]
  const ofKind = turns.filter((t) => t.role === 'candidate' && t.kind === kind).length
  if (ofKind >= limits.maxCandidateTurns[type]) {
    const code = type === 'clarify' ? ProtocolErrorCode.clarifyLimit : ProtocolErrorCode.turnLimit
    const max = limits.maxCandidateTurns[type]
    return refuse(code, `This interview allows at most ${max} ${name}. ${ENDING}`)
  }
  // Room for this turn and the interviewer's reply.
  if (turns.length + 2 > limits.maxTurns) {
    return refuse(
      ProtocolErrorCode.turnLimit,
      `This interview has reached its limit of ${limits.maxTurns} turns. ${ENDING}`,
    )
  }
  const chars = turns.reduce((sum, t) => sum + t.text.length, 0)
  if (chars + text.length > limits.maxTranscriptChars) {
    return refuse(
      ProtocolErrorCode.transcriptLimit,
      `This interview's transcript has reached its limit of ${limits.maxTranscriptChars.toLocaleString('en')} characters. ${ENDING}`,
    )
  }
  return null
}

const ENDING = 'End the interview to have it graded.'

const refuse = (code: string, message: string): LimitRefusal => ({ ok: false, code, message })
