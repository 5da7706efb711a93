import { createHash } from 'node:crypto'

/** A Lua script with its SHA-1, so it can be sent by digest (EVALSHA) once the server has it. */
export type KvScript = { name: string; lua: string; sha1: string }

export function defineKvScript(name: string, lua: string): KvScript {
  return { name, lua, sha1: createHash('sha1').update(lua).digest('hex') }
}

/**
 * What the key-value SessionStore needs from a client: run a Lua script, which Redis executes
 * atomically (no other command runs between its calls, on any connection), and close.
 * Every store operation is one script, so both clients (ioredis over RESP, @vercel/kv over
 * Upstash's REST API) see the same replies: Lua replies are only strings, integers, nulls and
 * arrays, which both decode alike.
 */
export interface KvScriptRunner {
  evalsha(sha1: string, keys: string[], args: string[]): Promise<unknown>
  eval(lua: string, keys: string[], args: string[]): Promise<unknown>
  close(): Promise<void>
}

/** Runs the script by digest, sending its source only when the server has not cached it yet. */
export async function runKvScript(
  runner: KvScriptRunner,
  script: KvScript,
  keys: string[],
  args: string[],
): Promise<unknown> {
  try {
    return await runner.evalsha(script.sha1, keys, args)
  } catch (err) {
    if (!(err instanceof Error) || !/NOSCRIPT/i.test(err.message)) throw err
    return runner.eval(script.lua, keys, args)
  }
}
