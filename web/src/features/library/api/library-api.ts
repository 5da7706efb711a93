import { fetchJson, type FetchLike } from '../../../shared/api/fetch-json.js'
import {
  PublicQuestionSchema,
  QuestionListResponseSchema,
} from '../../../shared/contract/question-contract.js'
import { z } from 'zod'

/** The whole bank as cards; it is small, so filtering happens in the page, instantly. */
export function fetchQuestionList(fetchFn: FetchLike) {
  return fetchJson(fetchFn, '/api/questions', QuestionListResponseSchema)
}

export function fetchQuestionDetail(fetchFn: FetchLike, id: string) {
  return fetchJson(fetchFn, `/api/questions/${encodeURIComponent(id)}`, PublicQuestionSchema)
}

export type StartSessionInput = {
  questionId: string
  mode: 'mock' | 'drill'
  focus?: string
  options?: { followUpBudget?: number; timeLimitMinutes?: number | null }
}

/** Only the id is needed to move on to the interview. */
const CreatedSessionSchema = z.object({ id: z.string().min(1) })

export function startSession(fetchFn: FetchLike, input: StartSessionInput) {
  return fetchJson(fetchFn, '/api/sessions', CreatedSessionSchema, {
    method: 'POST',
    body: JSON.stringify(input),
  })
}
