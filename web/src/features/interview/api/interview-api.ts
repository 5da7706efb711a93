import { z } from 'zod'
import { fetchJson, type FetchLike } from '../../../shared/api/fetch-json.js'

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`

/** Ends the session over HTTP, for when the socket is not open. */
export function endSession(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/end`, z.unknown(), {
    method: 'POST',
    body: '{}',
  })
}

/** Starts grading (202); progress arrives as `grade-progress` messages on the socket. */
export function requestGrade(fetchFn: FetchLike, sessionId: string) {
  return fetchJson(fetchFn, `${sessionPath(sessionId)}/grade`, z.unknown(), {
    method: 'POST',
    body: '{}',
  })
}
