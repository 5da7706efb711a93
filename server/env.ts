import { join } from 'node:path'
import { z } from 'zod'

/**
 * Every setting the server reads, parsed once at start-up. Nothing else reads process.env.
 * Empty strings count as unset, so a blank line copied from .env.example changes nothing.
 */
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value)

/** A positive whole number with a default, for limits. */
const count = (fallback: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(1_000_000).default(fallback))

export const EnvSchema = z.object({
  PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(8787)),
  HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(blankAsUnset, z.string().default('data')),
  QUESTIONS_DIR: z.preprocess(blankAsUnset, z.string().default('questions')),
  WEB_DIST_DIR: z.preprocess(blankAsUnset, z.string().default('dist/web')),
  /** The SQLite file of sessions; `<DATA_DIR>/sparring.db` when unset (see resolveDatabasePath). */
  DATABASE_PATH: z.preprocess(blankAsUnset, z.string().min(1).optional()),
  /** Sessions in Redis (several instances); wins over Vercel KV and SQLite when set. */
  REDIS_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^rediss?:\/\/./, 'must start with redis:// or rediss://')
      .optional(),
  ),
  /** Sessions in Vercel KV (Upstash REST), with KV_REST_API_TOKEN, when REDIS_URL is unset. */
  KV_REST_API_URL: z.preprocess(blankAsUnset, z.url().optional()),
  KV_REST_API_TOKEN: z.preprocess(blankAsUnset, z.string().min(1).optional()),
  /**
   * How long a session's lease (the instance running its turns) and a grading job's lease live
   * without renewal: how soon another instance takes over from a dead one.
   */
  SESSION_LEASE_TTL_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(300).max(600_000).default(15_000),
  ),
  /** Vercel KV has no pub/sub over REST: how often an instance polls the streams it follows. */
  KV_STREAM_POLL_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(20).max(10_000).default(150),
  ),
  /**
   * The address users open (e.g. https://sparring.example.com). Share links are built on it
   * (relative without it, never from the Host header), and pages of its origin may change state
   * and open streams; without it, the origin each request was sent to.
   */
  PUBLIC_URL: z.preprocess(blankAsUnset, z.url().optional()),
  /** Further origins allowed to call the API and open streams, comma-separated. */
  ALLOWED_ORIGINS: z.preprocess(
    blankAsUnset,
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .refine(
              (o) => URL.canParse(o) && new URL(o).origin === o,
              'each entry must be an origin such as https://app.example.com (scheme, host, port; no path)',
            ),
        ),
      ),
  ),
  /** Rate limits, per identity; a client address may do ADDRESS_LIMIT_FACTOR times as much. */
  SESSIONS_PER_MINUTE: count(10),
  ANSWERS_PER_MINUTE: count(30),
  GRADINGS_PER_HOUR: count(20),
  /** Gradings one identity may have running at once (POST /api/grade). */
  CONCURRENT_GRADINGS: count(2),
  /** LLM tokens (prompt + completion) one identity may spend per UTC day; 0 for no limit. */
  LLM_DAILY_TOKEN_BUDGET: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(0).max(1_000_000_000).default(500_000),
  ),
  ADDRESS_LIMIT_FACTOR: count(5),
  /**
   * What one interview may hold, each past its cap refused with a message naming it: answers,
   * skips and clarifying questions (each its own count), turns of every kind, and characters.
   */
  SESSION_MAX_ANSWERS: count(40),
  SESSION_MAX_SKIPS: count(25),
  SESSION_MAX_CLARIFYING_QUESTIONS: count(15),
  SESSION_MAX_TURNS: count(160),
  SESSION_MAX_TRANSCRIPT_CHARS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(1000).max(10_000_000).default(400_000),
  ),
  /** Frames a second one interview socket may send (the web client sends a few a minute). */
  STREAM_MAX_FRAMES_PER_SECOND: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(5).max(10_000).default(20),
  ),
  /**
   * The grading queue: gradings run at once on the offline grader (its one worker thread) and on
   * the LLM grader, identities taking turns; and the characters of text one job may hold.
   */
  OFFLINE_GRADING_CONCURRENCY: count(1),
  LLM_GRADING_CONCURRENCY: count(4),
  GRADING_MAX_CHARS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(1000).max(10_000_000).default(400_000),
  ),
  /** Behind a proxy that sets X-Forwarded-For: the client address is its first hop. */
  TRUST_PROXY: z.preprocess(
    blankAsUnset,
    z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
  ),
  /**
   * Worker threads that compute answers' coverage maps off the main thread; unset: one per core
   * (os.availableParallelism()). 0 computes them on the main thread, one per event-loop turn.
   */
  COVERAGE_WORKERS: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(64).optional()),
  /** Signs the identity cookie; generated and kept in `<DATA_DIR>/session-secret` when unset. */
  SESSION_SECRET: z.preprocess(
    blankAsUnset,
    z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  ),
  /** Set to use an OpenAI-compatible server; without it the offline engine runs. */
  OPENAI_API_KEY: z.preprocess(blankAsUnset, z.string().min(1).optional()),
  /** Any OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama; the SDK default when unset. */
  OPENAI_BASE_URL: z.preprocess(blankAsUnset, z.url().optional()),
  INTERVIEWER_MODEL: z.preprocess(blankAsUnset, z.string().min(1).default('gpt-4o-mini')),
  GRADER_MODEL: z.preprocess(blankAsUnset, z.string().min(1).default('gpt-4o-mini')),
  /** Grader samples per transcript; the median per criterion is kept and the spread reported. */
  GRADER_SAMPLES: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(9).default(1)),
  /** Upper bound on one LLM call, retries and streaming included. */
  LLM_TIMEOUT_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(1000).max(600_000).default(60_000),
  ),
  /**
   * No bytes from the model server for this long cuts a stream: retried once when no text was
   * shown yet, then the offline interviewer finishes the turn. At most LLM_TIMEOUT_MS.
   */
  LLM_IDLE_TIMEOUT_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(1000).max(600_000).default(20_000),
  ),
  /** Retries after a 429, a 5xx or a connection failure, before any token was streamed. */
  LLM_MAX_RETRIES: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(10).default(2)),
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

/** Where the SQLite file lives: DATABASE_PATH, else `<DATA_DIR>/sparring.db`. */
export function resolveDatabasePath(env: Env): string {
  return env.DATABASE_PATH ?? join(env.DATA_DIR, 'sparring.db')
}
