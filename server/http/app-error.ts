import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * An expected failure that reaches the client as `{ error: { code, message } }`.
 * Codes are `kind:subject`, e.g. `not_found:question`, `invalid:query`.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (subject: string, id: string) =>
  new AppError(404, `not_found:${subject}`, `No ${subject} with id "${id}".`)

export type ErrorBody = {
  error: { code: string; message: string; details?: unknown; requestId?: string }
}
