import { z } from 'zod'
import { QuestionIdSchema } from '../questions/question-schema.js'

export const SessionModeSchema = z.enum(['mock', 'drill'])
export const SessionStatusSchema = z.enum(['active', 'ended'])
export const TurnRoleSchema = z.enum(['interviewer', 'candidate'])

/**
 * What a candidate turn was: an answer, a clarifying question, or a skip.
 * Interviewer turns are `question` (opening), `follow-up`, `clarification` (answering one),
 * `verdict` (drill feedback), `redirect` (back on track after an attempt to get the answer or
 * change the instructions; it spends no follow-up) or `closing`.
 */
export const TurnKindSchema = z.enum([
  'answer',
  'clarifying-question',
  'skip',
  'question',
  'follow-up',
  'clarification',
  'verdict',
  'redirect',
  'closing',
])

export const TokenUsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
})

/**
 * How a follow-up asked its question: about a step not yet touched (`open`), pressing on one the
 * candidate grazed, with their words (`deeper`), pushing back on a bare list of keywords
 * (`pushback`), a drill rep (`drill`), or written by an LLM (`llm`).
 */
export const ProbeMoveSchema = z.enum(['open', 'deeper', 'pushback', 'drill', 'llm'])

/**
 * What an interviewer turn asked, recorded so the interviewer remembers the conversation: the
 * target (as the turn's), the question alone (no lead-in, no quote) and the candidate's words it
 * quoted back. Never secret: all of it is in the turn's visible text.
 */
export const ProbeSchema = z.object({
  /** Null for a question that aims at no step (a wrap-up once everything is covered). */
  target: z.string().min(1).nullable(),
  question: z.string(),
  quote: z.string().nullable(),
  move: ProbeMoveSchema,
})

/** One turn of the transcript. Interviewer turns carry what they target and what they cost. */
export const TurnSchema = z.object({
  id: z.string().min(1),
  sessionId: z.string().min(1),
  /** 1, 2, 3... in transcript order, unique within a session. */
  seq: z.number().int().positive(),
  role: TurnRoleSchema,
  kind: TurnKindSchema,
  text: z.string(),
  /** The client-made id of a candidate turn, so a retried send is stored once. */
  clientId: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** For interviewer turns: the framework step or rubric criterion it probes, e.g. `step:3`. */
  target: z.string().nullable(),
  /** For interviewer turns: notes for the grader, never shown to the candidate during the interview. */
  hiddenNotes: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  usage: TokenUsageSchema.nullable(),
  /** Sentences the leak guard rewrote or dropped in this turn. */
  leaksCaught: z.number().int().nonnegative().default(0),
  /**
   * For interviewer turns that asked something: what exactly they asked. Optional, so turns
   * stored before it existed (and candidate turns) load unchanged.
   */
  probe: ProbeSchema.nullable().optional(),
})

export const SessionOptionsSchema = z.object({
  /** How many follow-ups the interviewer may ask before closing. */
  followUpBudget: z.number().int().min(1).max(20).default(5),
  /** Minutes on the visible clock; null for no limit. */
  timeLimitMinutes: z.number().int().min(1).max(180).nullable().default(45),
})

export const SessionSchema = z.object({
  id: z.string().min(1),
  ownerId: z.string().min(1),
  questionId: QuestionIdSchema,
  mode: SessionModeSchema,
  /** For drill: the framework step (`step:N`) or competency (`competency:Name`) drilled. */
  focus: z.string().nullable(),
  options: SessionOptionsSchema,
  status: SessionStatusSchema,
  /** The session this one was forked from ("retry from here"), if any. */
  parentId: z.string().nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export type SessionMode = z.infer<typeof SessionModeSchema>
export type SessionStatus = z.infer<typeof SessionStatusSchema>
export type TurnRole = z.infer<typeof TurnRoleSchema>
export type TurnKind = z.infer<typeof TurnKindSchema>
export type TokenUsage = z.infer<typeof TokenUsageSchema>
export type Turn = z.infer<typeof TurnSchema>
export type Probe = z.infer<typeof ProbeSchema>
export type ProbeMove = z.infer<typeof ProbeMoveSchema>
export type SessionOptions = z.infer<typeof SessionOptionsSchema>
export type Session = z.infer<typeof SessionSchema>
export type SessionWithTurns = Session & { turns: Turn[] }
