import { z } from 'zod'

/**
 * Every setting the server reads, parsed once at start-up. Nothing else reads process.env.
 * Empty strings count as unset, so a blank line copied from .env.example changes nothing.
 */
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value)

export const EnvSchema = z.object({
  PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(8787)),
  HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(blankAsUnset, z.string().default('data')),
  QUESTIONS_DIR: z.preprocess(blankAsUnset, z.string().default('questions')),
  WEB_DIST_DIR: z.preprocess(blankAsUnset, z.string().default('dist/web')),
})

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Parses the environment or throws one readable message listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`)
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`)
}
