import { EnvError, resolveDatabasePath, type Env } from '../env.js'
import { createInstanceId } from './instance-id.js'
import type { SessionEventRelay } from './session-event-relay.js'
import type { SessionStore } from './session-store.js'
import { SqliteSessionStore } from './sqlite-session-store.js'

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

/** A store just opened, and how to make its stream relay when it is a shared backend. */
type OpenedStore = {
  store: SessionStore
  createRelay: ((env: Env, clock: () => Date) => SessionEventRelay) | null
}

/**
 * The Redis and Vercel KV adapters are imported only when chosen: their clients (ioredis above
 * all) cost a fifth of a second of CPU at every start, which the default SQLite file never uses.
 * In the server bundle each is a chunk of its own (esbuild splitting; scripts/server-build/).
 */
async function openStore(choice: SessionStoreChoice, instanceId: string): Promise<OpenedStore> {
  switch (choice.kind) {
    case 'redis': {
      const { RedisSessionStore } = await import('./redis-session-store.js')
      const store = await RedisSessionStore.connect(choice.url)
      return { store, createRelay: (_env, clock) => store.createEventRelay({ clock }) }
    }
    case 'vercel-kv': {
      const { VercelKvSessionStore } = await import('./vercel-kv-session-store.js')
      const store = await VercelKvSessionStore.connect({ url: choice.url, token: choice.token })
      return {
        store,
        createRelay: (env, clock) =>
          store.createEventRelay({ clock, pollMs: env.KV_STREAM_POLL_MS }),
      }
    }
    case 'sqlite':
      return {
        store: SqliteSessionStore.open(choice.path, { serverInstance: instanceId }),
        createRelay: null,
      }
  }
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
  return (await openStore(chooseSessionStore(env), instanceId)).store
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
  const { store, createRelay } = await openStore(chooseSessionStore(env), instanceId)
  return { store, relay: createRelay ? createRelay(env, clock) : null }
}
