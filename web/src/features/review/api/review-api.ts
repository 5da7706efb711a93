import { z } from 'zod'
import { fetchJson, type FetchLike } from '../../../shared/api/fetch-json.js'
import { QuestionSchema } from '../../../shared/contract/question-contract.js'
import {
  GradeSchema,
  SessionSchema,
  TurnSchema,
} from '../../../shared/contract/session-contract.js'

/** `GET /api/sessions/:id/report` and `GET /api/shared/:token`: everything the review shows. */
export const ReportSchema = z.object({
  session: SessionSchema,
  turns: z.array(TurnSchema),
  grade: GradeSchema.nullable(),
  question: QuestionSchema,
})
export type Report = z.infer<typeof ReportSchema>

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`

export function fetchReport(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/report`, ReportSchema)
}

export function fetchSharedReport(fetchFn: FetchLike, token: string) {
  return fetchJson(fetchFn, `/api/shared/${encodeURIComponent(token)}`, ReportSchema)
}

export function requestGrade(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/grade`, z.unknown(), {
    method: 'POST',
    body: '{}',
  })
}

export function createShareLink(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(
    fetchFn,
    `${sessionPath(sessionId)}/share`,
    z.object({ url: z.string(), token: z.string() }),
    {
      method: 'POST',
      body: '{}',
    },
  )
}

export function revokeShareLink(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/share`, z.unknown(), { method: 'DELETE' })
}

/** "Retry from here": a new session holding the transcript up to the interviewer turn `afterSeq`. */
export function forkSession(fetchFn: FetchLike, sessionId: string, afterSeq: number) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/fork`, z.object({ id: z.string().min(1) }), {
    method: 'POST',
    body: JSON.stringify({ afterSeq }),
  })
}

export const exportUrl = (sessionId: string, format: 'md' | 'json') =>
  `${sessionPath(sessionId)}/report.${format}`
