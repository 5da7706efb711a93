import { EnvError, resolveDatabasePath, type Env } from '../env.js'
import { createInstanceId } from './instance-id.js'
import { RedisSessionStore } from './redis-session-store.js'
import type { SessionEventRelay } from './session-event-relay.js'
import type { SessionStore } from './session-store.js'
import { SqliteSessionStore } from './sqlite-session-store.js'
import { VercelKvSessionStore } from './vercel-kv-session-store.js'

/** Which adapter the environment asks for, with its settings. */
export type SessionStoreChoice =
  | { kind: 'redis'; url: string }
  | { kind: 'vercel-kv'; url: string; token: string }
  | { kind: 'sqlite'; path: string }

/**
 * REDIS_URL -> Redis; else KV_REST_API_URL + KV_REST_API_TOKEN -> Vercel KV; else the SQLite
 * file. Half a Vercel KV configuration is an error rather than a silent fall back to SQLite,
 * which would leave each instance with its own sessions.
 */
export function chooseSessionStore(env: Env): SessionStoreChoice {
  if (env.REDIS_URL) return { kind: 'redis', url: env.REDIS_URL }
  const { KV_REST_API_URL: url, KV_REST_API_TOKEN: token } = env
  if (url && token) return { kind: 'vercel-kv', url, token }
  if (url || token) {
    throw new EnvError(
      'Invalid configuration:\n  - KV_REST_API_URL and KV_REST_API_TOKEN must be set together',
    )
  }
  return { kind: 'sqlite', path: resolveDatabasePath(env) }
}

/**
 * Opens the store the environment chooses; Redis is checked to answer before this resolves. A
 * SQLite file is claimed for `instanceId` (this server process): a second server on the same
 * file is refused with a message saying so.
 */
export async function createSessionStoreFromEnv(
  env: Env,
  instanceId: string = createInstanceId(),
): Promise<SessionStore> {
  const choice = chooseSessionStore(env)
  switch (choice.kind) {
    case 'redis':
      return RedisSessionStore.connect(choice.url)
    case 'vercel-kv':
      return VercelKvSessionStore.connect({ url: choice.url, token: choice.token })
    case 'sqlite':
      return SqliteSessionStore.open(choice.path, { serverInstance: instanceId })
  }
}

/** The store and, on Redis or Vercel KV, the relay that carries streams between instances. */
export type SessionBackend = { store: SessionStore; relay: SessionEventRelay | null }

/**
 * createSessionStoreFromEnv plus the stream relay of a shared backend: Redis pub/sub, or
 * Vercel KV polled every KV_STREAM_POLL_MS. SQLite serves one instance and needs none.
 */
export async function createSessionBackendFromEnv(
  env: Env,
  instanceId: string,
  clock: () => Date,
): Promise<SessionBackend> {
  const store = await createSessionStoreFromEnv(env, instanceId)
  if (store instanceof RedisSessionStore) {
    return { store, relay: store.createEventRelay({ clock }) }
  }
  if (store instanceof VercelKvSessionStore) {
    return { store, relay: store.createEventRelay({ clock, pollMs: env.KV_STREAM_POLL_MS }) }
  }
  return { store, relay: null }
}
