import type { z } from 'zod'

/** An API call's outcome: data that passed its schema, or a failure to show. */
export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; code: string; message: string }

/** The subset of `fetch` the client uses; injected so tests can answer without a server. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

type ErrorBody = { error?: { code?: unknown; message?: unknown; requestId?: unknown } }

/**
 * Calls the API and validates the JSON body with `schema`. Network errors, error statuses and
 * bodies that do not match become `ok: false` results, never throws: every caller shows them.
 */
export async function fetchJson<S extends z.ZodType>(
  fetchFn: FetchLike,
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<ApiResult<z.infer<S>>> {
  let response: Response
  try {
    response = await fetchFn(url, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
      },
    })
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'The server cannot be reached.' }
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error
    const message =
      typeof error?.message === 'string' ? error.message : response.statusText || 'Request failed'
    // A fault on the server's side: the request's id is what the operator finds the log by.
    const requestId = typeof error?.requestId === 'string' ? error.requestId : null
    return {
      ok: false,
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      message:
        response.status >= 500 && requestId ? `${message} (request id ${requestId})` : message,
    }
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    return {
      ok: false,
      status: response.status,
      code: 'invalid:response',
      message: 'Unexpected reply from the server.',
    }
  }
  return { ok: true, data: parsed.data }
}

/** The browser's fetch, bound so it can be passed around. */
export const browserFetch: FetchLike = (input, init) => globalThis.fetch(input, init)
