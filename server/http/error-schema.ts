import { z } from '@hono/zod-openapi'

/** The body of every error response. */
export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
})
