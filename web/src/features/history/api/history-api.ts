import { z } from 'zod'
import { fetchJson, type FetchLike } from '../../../shared/api/fetch-json.js'
import { GradeSchema, SessionSchema } from '../../../shared/contract/session-contract.js'

/** A row of `GET /api/sessions`: the session plus its question's title and overall score. */
export const SessionListItemSchema = SessionSchema.extend({
  questionTitle: z.string().nullable().optional(),
  overall: z.number().nullable().optional(),
})
export type SessionListItem = z.infer<typeof SessionListItemSchema>

const SessionPageSchema = z.object({
  sessions: z.array(SessionListItemSchema),
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

export function startDrill(fetchFn: FetchLike, questionId: string, competency: string) {
  return fetchJson(fetchFn, '/api/sessions', z.object({ id: z.string().min(1) }), {
    method: 'POST',
    body: JSON.stringify({ questionId, mode: 'drill', focus: `competency:${competency}` }),
  })
}
