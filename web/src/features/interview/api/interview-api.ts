import { z } from 'zod'
import { fetchJson, type FetchLike } from '../../../shared/api/fetch-json.js'
import { PublicQuestionSchema } from '../../../shared/contract/question-contract.js'

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`

/** The question of the session, for its title and scenario beside the chat. */
export function fetchQuestion(fetchFn: FetchLike, questionId: string) {
  return fetchJson(
    fetchFn,
    `/api/questions/${encodeURIComponent(questionId)}`,
    PublicQuestionSchema,
  )
}

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
