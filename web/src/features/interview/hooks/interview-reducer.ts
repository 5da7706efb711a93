import type { ServerMessage } from '../../../shared/contract/protocol-contract.js'
import type { Grade, Session, Turn } from '../../../shared/contract/session-contract.js'

type StateMessage = Extract<ServerMessage, { type: 'session-state' }>
export type ProviderInfo = StateMessage['provider']
export type InterviewProgress = StateMessage['progress']
export type EndReason = Extract<ServerMessage, { type: 'session-ended' }>['reason']
/** `refused`: the server closed the stream for good (an unknown session, or not ours). */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'refused'

/** A candidate message the server has not acknowledged yet (shown as "sending"). */
export type OutboxItem = {
  clientId: string
  kind: 'answer' | 'clarify' | 'skip'
  text: string
  /** The server rejected it with an error frame; it will not be re-sent. */
  failed: string | null
}

export type GradeProgress = {
  stage: 'started' | 'grading' | 'done' | 'failed'
  message: string
  grade: Grade | null
}

export type Notice = {
  seq: number
  level: 'info' | 'warning' | 'error'
  code: string
  message: string
  /** The interviewer turn it concerns, when it concerns one. */
  turnId?: string
}

/** "The model is slow": true only until its turn streams text or ends. */
const SLOW_NOTICE = 'provider:slow'

export type InterviewState = {
  /** Highest seq applied with nothing missing before it. */
  lastSeq: number
  /** Messages that arrived ahead of a gap, by seq, applied once the gap is filled. */
  pending: Record<number, ServerMessage>
  /** The `afterSeq` of the resume sent for the current gap, so it is asked for once. */
  resumeRequestedAfter: number | null
  connection: ConnectionStatus
  session: Session | null
  turns: Turn[]
  provider: ProviderInfo | null
  progress: InterviewProgress | null
  ended: EndReason | null
  notices: Notice[]
  grade: GradeProgress | null
  lastError: { code: string; message: string } | null
  outbox: OutboxItem[]
}

export type InterviewAction =
  | { type: 'server-message'; message: ServerMessage }
  /** `reason`: the server's close reason (`code: message`), shown as the last error. */
  | { type: 'connection-changed'; connection: ConnectionStatus; reason?: string }
  | { type: 'resume-requested'; afterSeq: number }
  /** A resume did not fill the gap (the server no longer has those messages and sent no
   * snapshot): move past it and apply what is buffered rather than stall. */
  | { type: 'gap-accepted' }
  | { type: 'outbox-added'; item: Omit<OutboxItem, 'failed'> }
  | { type: 'outbox-dismissed'; clientId: string }

export const initialInterviewState: InterviewState = {
  lastSeq: 0,
  pending: {},
  resumeRequestedAfter: null,
  connection: 'connecting',
  session: null,
  turns: [],
  provider: null,
  progress: null,
  ended: null,
  notices: [],
  grade: null,
  lastError: null,
  outbox: [],
}

const MAX_NOTICES = 5

/**
 * The live interview's state, as a pure function of the server messages seen. Messages are
 * applied exactly once and in seq order: a duplicate (seq already applied) is ignored, one that
 * arrives ahead of a gap waits in `pending` until the gap is filled (the hook asks for a resume),
 * and a `session-state` snapshot replaces everything up to its seq.
 */
export function interviewReducer(state: InterviewState, action: InterviewAction): InterviewState {
  switch (action.type) {
    case 'server-message':
      return receiveMessage(state, action.message)
    case 'connection-changed':
      // A new connection may need a new resume for a gap the old one never filled.
      return {
        ...state,
        connection: action.connection,
        resumeRequestedAfter: null,
        lastError: action.reason
          ? closeReasonError(action.reason, state.lastError)
          : state.lastError,
      }
    case 'resume-requested':
      return { ...state, resumeRequestedAfter: action.afterSeq }
    case 'gap-accepted': {
      const first = Math.min(...Object.keys(state.pending).map(Number))
      if (!Number.isFinite(first)) return state
      return drainPending({ ...state, lastSeq: first - 1, resumeRequestedAfter: null })
    }
    case 'outbox-added':
      if (state.outbox.some((item) => item.clientId === action.item.clientId)) return state
      return { ...state, outbox: [...state.outbox, { ...action.item, failed: null }] }
    case 'outbox-dismissed':
      return { ...state, outbox: state.outbox.filter((i) => i.clientId !== action.clientId) }
  }
}

/** True when a gap is open and no resume has been asked for it yet. */
export function needsResume(state: InterviewState): boolean {
  return Object.keys(state.pending).length > 0 && state.resumeRequestedAfter !== state.lastSeq
}

function receiveMessage(state: InterviewState, message: ServerMessage): InterviewState {
  // Error and pong frames answer this connection and carry the session's current seq without
  // advancing it: always applied, never counted.
  if (message.type === 'error' || message.type === 'pong') return applyMessage(state, message)
  if (message.type === 'session-state') {
    // A snapshot is the state as of its seq; one at the seq already applied is as fresh.
    if (message.seq < state.lastSeq) return state
    return drainPending(applyMessage(dropPendingUpTo(state, message.seq), message))
  }
  if (message.seq <= state.lastSeq || state.pending[message.seq]) return state
  if (message.seq > state.lastSeq + 1) {
    return { ...state, pending: { ...state.pending, [message.seq]: message } }
  }
  return drainPending({ ...applyMessage(state, message), lastSeq: message.seq })
}

function dropPendingUpTo(state: InterviewState, seq: number): InterviewState {
  const pending: Record<number, ServerMessage> = {}
  for (const [key, value] of Object.entries(state.pending)) {
    if (Number(key) > seq) pending[Number(key)] = value
  }
  return { ...state, pending }
}

function drainPending(state: InterviewState): InterviewState {
  let next = state
  for (let seq = next.lastSeq + 1; next.pending[seq]; seq = next.lastSeq + 1) {
    const message = next.pending[seq]!
    const { [seq]: _applied, ...rest } = next.pending
    next = { ...applyMessage({ ...next, pending: rest }, message), lastSeq: seq }
  }
  return next
}

function applyMessage(state: InterviewState, message: ServerMessage): InterviewState {
  switch (message.type) {
    case 'session-state':
      return {
        ...state,
        lastSeq: message.seq,
        session: message.session,
        turns: sortTurns(message.turns),
        provider: message.provider,
        progress: message.progress,
        ended: message.session.status === 'ended' ? (state.ended ?? 'candidate') : null,
        outbox: acknowledge(state.outbox, message.turns),
      }
    case 'turn-start':
      return {
        ...state,
        turns: upsertTurn(state.turns, message.turn),
        outbox: acknowledge(state.outbox, [message.turn]),
      }
    case 'token-delta':
      return {
        ...state,
        notices: withoutSlowNotice(state.notices, message.turnId),
        turns: state.turns.map((t) =>
          t.id === message.turnId && t.completedAt === null
            ? { ...t, text: t.text + message.text }
            : t,
        ),
      }
    case 'turn-revise':
      // The whole text so far: a sentence already shown was taken back.
      return {
        ...state,
        notices: withoutSlowNotice(state.notices, message.turnId),
        turns: state.turns.map((t) =>
          t.id === message.turnId && t.completedAt === null ? { ...t, text: message.text } : t,
        ),
      }
    case 'turn-end':
      return {
        ...state,
        notices: withoutSlowNotice(state.notices, message.turn.id),
        turns: upsertTurn(state.turns, message.turn),
        progress: message.progress,
        outbox: acknowledge(state.outbox, [message.turn]),
      }
    case 'notice':
      return {
        ...state,
        notices: [
          ...state.notices,
          {
            seq: message.seq,
            level: message.level,
            code: message.code,
            message: message.message,
            ...(message.turnId === undefined ? {} : { turnId: message.turnId }),
          },
        ].slice(-MAX_NOTICES),
      }
    case 'session-ended':
      return {
        ...state,
        ended: message.reason,
        session: state.session ? { ...state.session, status: 'ended' } : state.session,
      }
    case 'grade-progress':
      return {
        ...state,
        grade: { stage: message.stage, message: message.message, grade: message.grade },
      }
    case 'error': {
      // A server fault carries the request id the operator finds its log line by.
      const text = message.requestId
        ? `${message.message} (request id ${message.requestId})`
        : message.message
      return {
        ...state,
        lastError: { code: message.code, message: text },
        // The server refused what is in flight: it will not be acknowledged, so stop re-sending it.
        outbox: state.outbox.map((item) => (item.failed ? item : { ...item, failed: text })),
      }
    }
    case 'pong':
      return state
  }
}

/**
 * A close reason `code: message` as the error to show. A bare code (4404 `not_found:session`
 * follows an error frame that said it already) keeps the error shown, or says what happened.
 */
function closeReasonError(
  reason: string,
  shown: InterviewState['lastError'],
): InterviewState['lastError'] {
  const match = /^([a-z_]+(?::[a-z_]+)*):\s+(.+)$/.exec(reason)
  if (match) return { code: match[1]!, message: match[2]! }
  return shown ?? { code: reason, message: 'The server closed this connection. Reload the page.' }
}

function withoutSlowNotice(notices: Notice[], turnId: string): Notice[] {
  const kept = notices.filter((n) => n.code !== SLOW_NOTICE || n.turnId !== turnId)
  return kept.length === notices.length ? notices : kept
}

function sortTurns(turns: Turn[]): Turn[] {
  return [...turns].sort((a, b) => a.seq - b.seq)
}

function upsertTurn(turns: Turn[], turn: Turn): Turn[] {
  const index = turns.findIndex((t) => t.id === turn.id)
  if (index === -1) return sortTurns([...turns, turn])
  const next = [...turns]
  next[index] = turn
  return next
}

function acknowledge(outbox: OutboxItem[], turns: Turn[]): OutboxItem[] {
  const acknowledged = new Set(turns.map((t) => t.clientId).filter((id) => id !== null))
  return acknowledged.size === 0
    ? outbox
    : outbox.filter((item) => !acknowledged.has(item.clientId))
}
