import { z } from 'zod'
import { GradeSchema, type Grade } from '../grading/grade-schema.js'
import { QuestionSchema, type Question } from '../questions/question-schema.js'
import { SessionSchema, TurnSchema, type SessionWithTurns } from './session-schema.js'

/**
 * Where grading of a session stands on this server. `interrupted`: a run was cut off by its
 * server stopping (a crash) and nobody runs it now; it restarts on its own, or on a regrade.
 */
export const GradingStatusSchema = z.object({
  state: z.enum(['none', 'running', 'done', 'failed', 'interrupted']),
  /** Why the last run failed, or what it is doing. */
  message: z.string().nullable(),
})
export type GradingStatus = z.infer<typeof GradingStatusSchema>

/**
 * The review of an ended session: the transcript, the grade (when graded) and, now that the
 * interview is over, the question's model answer and rubric. Shared links get the same shape;
 * the owner's id is never part of it.
 */
export const SessionReportSchema = z.object({
  session: SessionSchema.omit({ ownerId: true }),
  question: QuestionSchema,
  turns: z.array(TurnSchema),
  grade: GradeSchema.nullable(),
  grading: GradingStatusSchema,
})
export type SessionReport = z.infer<typeof SessionReportSchema>

export function buildSessionReport(
  session: SessionWithTurns,
  question: Question,
  grade: Grade | null,
  grading: GradingStatus,
): SessionReport {
  const { turns, ownerId: _ownerId, ...rest } = session
  return { session: rest, question, turns, grade, grading }
}
