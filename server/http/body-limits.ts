import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { AppError } from './app-error.js'

/**
 * Largest body any API route takes unless it sets its own: starting a session and forking one
 * send a few hundred bytes of JSON, so 32 KB leaves room and refuses the 200 MB bodies that were
 * once read and parsed whole.
 */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024

/** Routes that set a larger limit of their own (a pasted transcript for `POST /api/grade`). */
const OWN_LIMIT = new Set(['/api/grade'])

/** 2 MB, 2.4 MB, 32 KB: one decimal at most. */
export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
    : `${Math.round(bytes / 1024)} KB`

/** A body limit whose 413 is the usual `{ error: { code, message } }` envelope. */
export function limitBody(maxSize: number, what = 'A request body'): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(413, 'too_large:body', `${what} may be at most ${formatBytes(maxSize)}.`)
    },
  })
}

/**
 * Every API request with a body is held to a size before anything reads it: a declared
 * Content-Length over the limit is refused at once, a chunked body as soon as it passes it.
 * Bodyless routes (end, share, grade a session) are covered too, so no route can forget one.
 */
export function createBodyLimits(maxSize = DEFAULT_MAX_BODY_BYTES): MiddlewareHandler {
  const limit = limitBody(maxSize)
  return (c, next) => (OWN_LIMIT.has(c.req.path) ? next() : limit(c, next))
}
