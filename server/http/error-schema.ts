import { z } from '@hono/zod-openapi'

/** The body of every error response. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    /** The request's id (also the X-Request-Id header): what to quote when reporting a fault. */
    requestId: z.string().optional(),
  }),
})
