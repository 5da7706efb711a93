import { createClient, type VercelKV } from '@vercel/kv'
import { createKvKeys, DEFAULT_KV_PREFIX } from './kv-keys.js'
import type { KvScriptRunner } from './kv-script-runner.js'
import { KvSessionStore } from './kv-session-store.js'
import { createKvEventRelay, type SessionEventRelay } from './session-event-relay.js'

export type VercelKvConfig = {
  /** KV_REST_API_URL */
  url: string
  /** KV_REST_API_TOKEN */
  token: string
  keyPrefix?: string
  /** false: fail at once when the API cannot be reached (tests); default: the client's retries. */
  retry?: false
}

/**
 * SessionStore on Vercel KV (Upstash Redis over its REST API): the same key layout and Lua
 * scripts as RedisSessionStore (Upstash runs EVAL/EVALSHA), so data written by one is read by
 * the other. Every reply is checked with zod when read back (kv-codec.ts).
 *
 * Durability: a write is acknowledged once the Upstash primary has applied it; how it survives
 * a crash there is Upstash's persistence, which cannot be configured from here.
 * The client retries a request whose connection failed; a retried append whose first try did
 * reach the server comes back as the stored turn (see kv-append-script.ts), not as a second
 * copy.
 */
export class VercelKvSessionStore extends KvSessionStore {
  private constructor(kv: VercelKV, keyPrefix: string) {
    super(createVercelKvRunner(kv), createKvKeys(keyPrefix))
  }

  /**
   * The stream relay between instances. Upstash's REST API has no pub/sub, so each instance
   * polls the logs of the sessions it has sockets for every `pollMs`: another instance's
   * message arrives up to pollMs plus one REST round trip late (its own, at once).
   */
  createEventRelay(opts: { clock: () => Date; pollMs: number }): SessionEventRelay {
    return createKvEventRelay({
      runner: this.runner,
      keys: this.keys,
      clock: opts.clock,
      mode: 'poll',
      pollMs: opts.pollMs,
    })
  }

  static connect(config: VercelKvConfig): VercelKvSessionStore {
    const kv = createClient({
      url: config.url,
      token: config.token,
      // Replies are decoded and checked by kv-codec; the client's own JSON guessing would turn
      // a stored "5" into the number 5.
      automaticDeserialization: false,
      ...(config.retry === false ? { retry: false } : {}),
    })
    return new VercelKvSessionStore(kv, config.keyPrefix ?? DEFAULT_KV_PREFIX)
  }
}

function createVercelKvRunner(kv: VercelKV): KvScriptRunner {
  return {
    evalsha: (sha1, keys, args) => kv.evalsha(sha1, keys, args),
    eval: (lua, keys, args) => kv.eval(lua, keys, args),
    // Stateless HTTP: nothing to close.
    close: async () => {},
  }
}
