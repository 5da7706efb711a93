import { z } from 'zod'
import { fetchJson, type FetchLike } from '../../../shared/api/fetch-json.js'
import { startSession } from '../../library/api/library-api.js'
import {
  GradeSchema,
  SessionSchema,
  type SessionSummary,
} from '../../../shared/contract/session-contract.js'

/**
 * A row of `GET /api/sessions`: the session plus its question's title and overall score. The
 * server's schema lives beside its service (server-only imports), so the shape is restated here
 * and checked against the server's type below.
 */
export const SessionListItemSchema = SessionSchema.extend({
  questionTitle: z.string(),
  overallScore: z.number().nullable(),
})
export type SessionListItem = z.infer<typeof SessionListItemSchema>
const sameShape: SessionSummary extends SessionListItem
  ? SessionListItem extends SessionSummary
    ? true
    : false
  : false = true
void sameShape

const SessionPageSchema = z.object({
  items: z.array(SessionListItemSchema),
  nextCursor: z.string().nullable(),
})

export function fetchSessionPage(fetchFn: FetchLike, cursor: string | null, limit = 20) {
  const query = new URLSearchParams({ limit: String(limit) })
  if (cursor) query.set('cursor', cursor)
  return fetchJson(fetchFn, `/api/sessions?${query}`, SessionPageSchema)
}

/** Only the grade of a report is needed for the per-competency chart and "drill my weakest". */
const ReportGradeSchema = z.object({ grade: GradeSchema.nullable() })

export function fetchSessionGrade(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(
    fetchFn,
    `/api/sessions/${encodeURIComponent(sessionId)}/report`,
    ReportGradeSchema,
  )
}

/** A drill session on one focus of a question: `competency:<name>` or `criterion:<name>`. */
export function startDrill(fetchFn: FetchLike, questionId: string, focus: string) {
  return startSession(fetchFn, { questionId, mode: 'drill', focus })
}
