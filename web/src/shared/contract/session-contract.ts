/** Session, turn and grade shapes shared with the server: one source of truth for both sides. */
export {
  SessionSchema,
  TurnSchema,
  type Session,
  type SessionMode,
  type Turn,
  type TurnKind,
} from '../../../../server/sessions/session-schema.js'
export {
  GradeSchema,
  type CriterionGrade,
  type Evidence,
  type Grade,
  type StepCoverage,
} from '../../../../server/grading/grade-schema.js'
export {
  SessionReportSchema,
  type GradingStatus,
  type SessionReport,
} from '../../../../server/sessions/session-report.js'
export type { SessionSummary } from '../../../../server/sessions/session-service.js'
