import { OpenAPIHono } from '@hono/zod-openapi'
import { AppError } from './app-error.js'

/** Per-request values set by middleware (identity sets `ownerId`, request-id.ts `requestId`). */
export type AppEnv = { Variables: { ownerId: string; requestId: string } }

/**
 * An OpenAPIHono whose request validation failures become our error shape
 * (`invalid:<target>`, 400) instead of the library's default body.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map(
          (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
        )
        throw new AppError(400, `invalid:${result.target}`, issues.join('; '))
      }
    },
  })
}
