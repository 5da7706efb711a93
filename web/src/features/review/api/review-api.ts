import { z } from 'zod'
import { fetchJson, type FetchLike } from '../../../shared/api/fetch-json.js'
import {
  SessionReportSchema,
  type SessionReport,
} from '../../../shared/contract/session-contract.js'

/** `GET /api/sessions/:id/report` and `GET /api/shared/:token`: everything the review shows. */
export type Report = SessionReport

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`

export function fetchReport(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/report`, SessionReportSchema)
}

export function fetchSharedReport(fetchFn: FetchLike, token: string) {
  return fetchJson(fetchFn, `/api/shared/${encodeURIComponent(token)}`, SessionReportSchema)
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

/** "Retry from here": a new session holding the transcript up to and including turn `uptoSeq`. */
export function forkSession(fetchFn: FetchLike, sessionId: string, uptoSeq: number) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/fork`, z.object({ id: z.string().min(1) }), {
    method: 'POST',
    body: JSON.stringify({ uptoSeq }),
  })
}

export const exportUrl = (sessionId: string, format: 'md' | 'json') =>
  `${sessionPath(sessionId)}/report.${format}`
