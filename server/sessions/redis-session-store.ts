import { Redis } from 'ioredis'
import { createKvKeys, DEFAULT_KV_PREFIX } from './kv-keys.js'
import type { KvScriptRunner } from './kv-script-runner.js'
import { KvSessionStore } from './kv-session-store.js'
import { createKvEventRelay, type SessionEventRelay } from './session-event-relay.js'

/**
 * SessionStore on a Redis server (REDIS_URL), for several instances behind a load balancer.
 * Key layout: kv-keys.ts. appendTurn is one Lua script (kv-append-script.ts), so seqs stay
 * 1..n without gaps or duplicates whichever instance appends.
 *
 * Durability: Redis acknowledges a write once it is applied in memory, so an acknowledged turn
 * is exactly as durable as the server's persistence settings make it:
 * - `appendonly yes` + `appendfsync always`: the AOF is fsynced before the reply is sent, so
 *   an acknowledged turn survives a crash of Redis, of the OS and a power cut. Recommended.
 * - `appendonly yes` + `appendfsync everysec` (the usual default): survives a crash of the
 *   Redis process, but a power cut or kernel panic can lose about the last second.
 * - RDB snapshots only, or no persistence: a restart loses everything since the last
 *   snapshot. Do not run Sparring like that.
 * Replication is asynchronous: a failover to a replica can lose writes the old primary had
 * acknowledged. This store does not check the server's configuration (managed Redis often
 * forbids CONFIG GET); the deployment must.
 */
export class RedisSessionStore extends KvSessionStore {
  private constructor(
    private readonly redis: Redis,
    keyPrefix: string,
  ) {
    super(createIoredisRunner(redis), createKvKeys(keyPrefix))
  }

  /**
   * The stream relay between instances: appends on this connection, receives on a second one
   * (a subscribed Redis connection can run nothing else), pushed by pub/sub.
   */
  createEventRelay(opts: { clock: () => Date }): SessionEventRelay {
    const subscriber = this.redis.duplicate()
    return createKvEventRelay({
      runner: this.runner,
      keys: this.keys,
      clock: opts.clock,
      mode: 'pubsub',
      subscriber,
    })
  }

  /**
   * Connects to `url` (redis:// or rediss://) and checks it answers, so a wrong REDIS_URL
   * fails at start-up rather than on the first request.
   */
  static async connect(url: string, opts: { keyPrefix?: string } = {}): Promise<RedisSessionStore> {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 })
    // A failure is reported by the error thrown below, naming the socket error ioredis saw
    // (its connect() only says "Connection is closed"). After a good start, ioredis's own
    // logging of connection errors stays on while it reconnects by itself.
    let socketError: Error | undefined
    const remember = (err: Error) => (socketError = err)
    redis.on('error', remember)
    try {
      await redis.connect()
      await redis.ping()
      redis.off('error', remember)
    } catch (cause) {
      // Without this, ioredis keeps reconnecting in the background and the process never exits.
      redis.disconnect()
      const reason = socketError ?? cause
      const message = reason instanceof Error ? reason.message : String(reason)
      throw new Error(`Cannot reach Redis at ${redactUrl(url)}: ${message}`, { cause })
    }
    return new RedisSessionStore(redis, opts.keyPrefix ?? DEFAULT_KV_PREFIX)
  }
}

function createIoredisRunner(redis: Redis): KvScriptRunner {
  return {
    evalsha: (sha1, keys, args) => redis.evalsha(sha1, keys.length, ...keys, ...args),
    eval: (lua, keys, args) => redis.eval(lua, keys.length, ...keys, ...args),
    close: async () => {
      if (redis.status !== 'end') await redis.quit()
    },
  }
}

/** The URL without its password, for error messages that end up in logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable REDIS_URL)'
  }
}
