import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError, type ErrorBody } from './app-error.js'
import { RateLimitError } from './rate-limit-middleware.js'

/** The one place errors become responses: AppError as is, everything else a bare 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } }
    if (err instanceof RateLimitError)
      c.header('Retry-After', String(err.refusal.retryAfterSeconds))
    if (err.details !== undefined) body.error.details = err.details
    return c.json(body, err.status)
  }
  if (err instanceof HTTPException) {
    return c.json(
      { error: { code: `http:${err.status}`, message: err.message || 'Request failed.' } },
      err.status,
    )
  }
  console.error('unhandled error', err)
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, 500)
}

export function handleNotFound(c: Context): Response {
  return c.json({ error: { code: 'not_found:route', message: `No route for ${c.req.path}.` } }, 404)
}
