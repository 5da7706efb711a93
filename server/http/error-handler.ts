import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError, type ErrorBody } from './app-error.js'
import { RateLimitError } from './rate-limit-middleware.js'
import { classifyStorageError } from '../sessions/storage-failure.js'

/** The request's id (request-id.ts), in every error body so a user can report it. */
const idOf = (c: Context): { requestId?: string } => {
  const requestId = c.get('requestId') as string | undefined
  return requestId ? { requestId } : {}
}

/** The one place errors become responses: AppError as is, everything else a bare 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...idOf(c) } }
    if (err instanceof RateLimitError)
      c.header('Retry-After', String(err.refusal.retryAfterSeconds))
    if (err.details !== undefined) body.error.details = err.details
    return c.json(body, err.status)
  }
  if (err instanceof HTTPException) {
    return c.json(
      {
        error: {
          code: `http:${err.status}`,
          message: err.message || 'Request failed.',
          ...idOf(c),
        },
      },
      err.status,
    )
  }
  const storage = classifyStorageError(err)
  if (storage) {
    // The operator's line: what failed, with the request id the user was given.
    console.error(`${storage.code} on ${c.req.method} ${c.req.path}`, err)
    if (storage.retryAfterSeconds) c.header('Retry-After', String(storage.retryAfterSeconds))
    return c.json(
      { error: { code: storage.code, message: storage.message, ...idOf(c) } },
      storage.status,
    )
  }
  console.error(`unhandled error on ${c.req.method} ${c.req.path}`, err)
  return c.json(
    {
      error: {
        code: 'internal',
        message: 'Something went wrong on our side.',
        ...idOf(c),
      },
    },
    500,
  )
}

export function handleNotFound(c: Context): Response {
  return c.json(
    { error: { code: 'not_found:route', message: `No route for ${c.req.path}.`, ...idOf(c) } },
    404,
  )
}
