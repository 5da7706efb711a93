import { z } from 'zod'
import { GradeSchema } from '../grading/grade-schema.js'
import { SessionSchema, TurnSchema } from '../sessions/session-schema.js'

/**
 * The WebSocket protocol of `/api/sessions/:id/stream`, imported by the server and the web client.
 * Client frames are validated with `ClientMessageSchema.safeParse`; a bad frame gets an `error`
 * message and the connection stays open. Every server message carries `seq`. Messages every
 * socket of the session sees (turns, deltas, notices, grading) increase it by one, so a
 * reconnecting client sends `resume { afterSeq }` and receives what it missed, in order, once.
 * Replies to one socket (`session-state`, `error`, `pong`) carry the current seq without
 * advancing it: a `session-state` is the whole session as of its seq.
 */

/** Longest candidate answer accepted, in characters (16 KB of text). */
export const MAX_ANSWER_CHARS = 16_000

const ClientIdSchema = z.string().min(1).max(64)
const AnswerTextSchema = z.string().trim().min(1).max(MAX_ANSWER_CHARS)

export const ClientMessageSchema = z.discriminatedUnion('type', [
  /** The candidate's answer; `clientId` makes a retried send idempotent. */
  z.object({ type: z.literal('answer'), clientId: ClientIdSchema, text: AnswerTextSchema }),
  /** A question about the scenario; answered with the scenario's facts, costs no follow-up. */
  z.object({ type: z.literal('clarify'), clientId: ClientIdSchema, text: AnswerTextSchema }),
  /** Skip the current follow-up. */
  z.object({ type: z.literal('skip'), clientId: ClientIdSchema }),
  /** End the interview now. */
  z.object({ type: z.literal('end') }),
  /** Replay every server message with seq > afterSeq (0 for all), then continue live. */
  z.object({ type: z.literal('resume'), afterSeq: z.number().int().nonnegative() }),
  z.object({ type: z.literal('ping'), nonce: z.string().max(64).optional() }),
])
export type ClientMessage = z.infer<typeof ClientMessageSchema>

/** Which engine asks the questions, shown plainly in the UI. */
export const ProviderInfoSchema = z.object({
  provider: z.enum(['offline', 'openai']),
  model: z.string(),
})

/** Progress of the interview, for the clock and the follow-up budget. */
export const InterviewProgressSchema = z.object({
  followUpsAsked: z.number().int().nonnegative(),
  followUpBudget: z.number().int().nonnegative(),
  /** Drill: answers judged so far and how many were judged solid. */
  drillTally: z.object({ answered: z.number().int(), solid: z.number().int() }).nullable(),
})
export type InterviewProgress = z.infer<typeof InterviewProgressSchema>

const seq = z.number().int().positive()

export const ServerMessageSchema = z.discriminatedUnion('type', [
  /** Sent first on connect and after resume: the whole session as stored. */
  z.object({
    type: z.literal('session-state'),
    seq,
    session: SessionSchema,
    turns: z.array(TurnSchema),
    provider: ProviderInfoSchema,
    progress: InterviewProgressSchema,
  }),
  /** A turn was stored: candidate turns echo back acknowledged; interviewer turns begin streaming. */
  z.object({ type: z.literal('turn-start'), seq, turn: TurnSchema }),
  /** Text of the streaming interviewer turn, in order: appended to what it has so far. */
  z.object({ type: z.literal('token-delta'), seq, turnId: z.string(), text: z.string() }),
  /**
   * The streaming interviewer turn's whole text so far, replacing what its deltas added up to:
   * a sentence already shown was taken back (a question the session had asked before). Later
   * deltas append to this text. Rare; the turn's `turn-end` text never holds what it removed.
   */
  z.object({ type: z.literal('turn-revise'), seq, turnId: z.string(), text: z.string() }),
  /** The interviewer turn is complete; `turn.text` is authoritative. */
  z.object({
    type: z.literal('turn-end'),
    seq,
    turn: TurnSchema,
    progress: InterviewProgressSchema,
  }),
  /**
   * Something the candidate should know (provider retrying, failing or slow, budget spent, time
   * up). `turnId`, when present, is the interviewer turn it concerns: `provider:slow` stops
   * applying once that turn streams text or ends.
   */
  z.object({
    type: z.literal('notice'),
    seq,
    level: z.enum(['info', 'warning', 'error']),
    code: z.string(),
    message: z.string(),
    turnId: z.string().optional(),
  }),
  /** The session ended (by the candidate, the budget, or the clock). */
  z.object({
    type: z.literal('session-ended'),
    seq,
    reason: z.enum(['candidate', 'budget', 'time']),
  }),
  /** Grading progress and result. */
  z.object({
    type: z.literal('grade-progress'),
    seq,
    stage: z.enum(['started', 'grading', 'done', 'failed']),
    message: z.string(),
    grade: GradeSchema.nullable(),
  }),
  /**
   * A frame was rejected; the connection stays usable. A fault on the server's side (`internal`,
   * `storage:*`) carries the socket's request id, for the user to quote when reporting it.
   */
  z.object({
    type: z.literal('error'),
    seq,
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
  }),
  z.object({ type: z.literal('pong'), seq, nonce: z.string().optional() }),
])
export type ServerMessage = z.infer<typeof ServerMessageSchema>
export type ServerMessageType = ServerMessage['type']

/** Error codes of `error` messages. */
export const ProtocolErrorCode = {
  notJson: 'invalid:not_json',
  unknownType: 'invalid:unknown_type',
  badFields: 'invalid:fields',
  tooLong: 'invalid:too_long',
  sessionEnded: 'conflict:session_ended',
  turnInProgress: 'conflict:turn_in_progress',
  /** The session holds as many turns of this kind, or as much text, as one session may. */
  turnLimit: 'limit:turns',
  clarifyLimit: 'limit:clarifications',
  transcriptLimit: 'limit:transcript',
} as const

/**
 * Close codes of the stream (4000-4999 are the application's own; the web client does not
 * reconnect after one and shows the close reason). 1009 is the WebSocket's own for a frame over
 * the size cap.
 */
export const StreamCloseCode = {
  notFound: 4404,
  /** Too many unsent bytes: the client stopped reading, or reads too slowly. */
  tooSlow: 4413,
  /** Too many frames a second. */
  tooManyFrames: 4429,
} as const
