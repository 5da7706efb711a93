import type { Redis } from 'ioredis'
import { z } from 'zod'
import { APPEND_EVENTS_SCRIPT, READ_EVENTS_SCRIPT } from './kv-event-scripts.js'
import type { KvKeys } from './kv-keys.js'
import { runKvScript, type KvScriptRunner } from './kv-script-runner.js'
import { parseStored } from './kv-codec.js'

/** One logged stream message: its seq and its JSON without the seq. */
export type RelayedEntry = { seq: number; json: string }

/**
 * Carries a session's stream messages between server instances (session-stream-hub.ts): gives
 * them seqs from one counter in the backend, logs them for `resume` on any instance, and
 * delivers what other instances publish. Redis pushes (pub/sub); Vercel KV has no pub/sub over
 * REST, so it polls the log of the sessions this instance has sockets for.
 */
export interface SessionEventRelay {
  /** Logs the messages (JSON without seq) with consecutive seqs; resolves to the first seq. */
  append(sessionId: string, messages: string[]): Promise<number>
  /** Logged entries with seq > afterSeq, the last seq given out and the oldest still logged. */
  read(
    sessionId: string,
    afterSeq: number,
  ): Promise<{ entries: RelayedEntry[]; lastSeq: number; firstSeq: number }>
  /**
   * Starts delivering the session's new entries to the listener; `after` says how far this
   * instance has got (the poller reads from there). Returns the stop.
   */
  watch(sessionId: string, after: () => number): () => void
  onEntries(listener: (sessionId: string, entries: RelayedEntry[]) => void): void
  /** How late another instance's message can arrive, for the docs and the logs. */
  readonly latency: string
  close(): Promise<void>
}

export type KvEventRelayOptions = {
  runner: KvScriptRunner
  keys: KvKeys
  clock: () => Date
  /** Entries kept per session (older ones are answered with a snapshot). */
  maxEntries?: number
  /** How long a quiet session's log is kept. */
  ttlMs?: number
} & ({ mode: 'pubsub'; subscriber: Redis } | { mode: 'poll'; pollMs: number })

const ReadReply = z.tuple([z.number().int(), z.number().int(), z.array(z.string())])

/** The relay of RedisSessionStore (pub/sub) and VercelKvSessionStore (polling). */
export function createKvEventRelay(opts: KvEventRelayOptions): SessionEventRelay {
  const { runner, keys } = opts
  const maxEntries = opts.maxEntries ?? 5_000
  const ttlMs = opts.ttlMs ?? 24 * 60 * 60 * 1000
  const listeners = new Set<(sessionId: string, entries: RelayedEntry[]) => void>()
  const watched = new Map<string, () => number>()
  const emit = (sessionId: string, entries: RelayedEntry[]) => {
    if (entries.length === 0) return
    for (const listener of listeners) listener(sessionId, entries)
  }
  const base = () => String(Math.max(0, opts.clock().getTime()))

  async function read(sessionId: string, afterSeq: number) {
    const raw = await runKvScript(
      runner,
      READ_EVENTS_SCRIPT,
      [keys.eventSeq(sessionId), keys.events(sessionId)],
      [String(afterSeq), base(), String(ttlMs)],
    )
    const [lastSeq, firstSeq, lines] = parseStored(ReadReply, `stream log of "${sessionId}"`, raw)
    return { entries: lines.map((l) => parseEntry(l, sessionId)), lastSeq, firstSeq }
  }

  let stopPolling = () => {}
  let stopSubscriber = async () => {}
  if (opts.mode === 'pubsub') {
    const subscriber = opts.subscriber
    const prefix = keys.streamChannel('')
    subscriber.on('pmessage', (_pattern: string, channel: string, payload: string) => {
      const sessionId = channel.slice(prefix.length)
      if (!watched.has(sessionId)) return
      try {
        emit(
          sessionId,
          payload.split('\n').map((line) => parseEntry(line, sessionId)),
        )
      } catch (err) {
        console.error('stream relay: a malformed message was dropped', err)
      }
    })
    void subscriber.psubscribe(keys.streamPattern()).catch((err: unknown) => {
      console.error('stream relay: cannot subscribe', err)
    })
    stopSubscriber = async () => {
      if (subscriber.status !== 'end') await subscriber.quit()
    }
  } else {
    // One read per watched session per tick; a tick waits for the previous one, so a slow
    // backend slows polling instead of piling requests up.
    let timer: NodeJS.Timeout | null = null
    let stopped = false
    const tick = async () => {
      await Promise.all(
        [...watched].map(async ([sessionId, after]) => {
          try {
            emit(sessionId, (await read(sessionId, after())).entries)
          } catch (err) {
            console.error(`stream relay: polling session ${sessionId} failed`, err)
          }
        }),
      )
      if (!stopped) timer = setTimeout(() => void tick(), opts.pollMs)
    }
    timer = setTimeout(() => void tick(), opts.pollMs)
    stopPolling = () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
  }

  return {
    latency:
      opts.mode === 'pubsub'
        ? 'pushed (Redis pub/sub): one network hop'
        : `polled every ${opts.pollMs} ms: up to ${opts.pollMs} ms plus one REST round trip`,
    async append(sessionId, messages) {
      const channel = keys.streamChannel(sessionId)
      const args = [
        base(),
        String(maxEntries),
        String(ttlMs),
        opts.mode === 'pubsub' ? '1' : '0',
        channel,
        ...messages,
      ]
      const keysOf = [keys.eventSeq(sessionId), keys.events(sessionId)]
      const raw = await runKvScript(runner, APPEND_EVENTS_SCRIPT, keysOf, args)
      return parseStored(z.number().int(), `seq of "${sessionId}"`, raw)
    },
    read,
    watch(sessionId, after) {
      watched.set(sessionId, after)
      return () => {
        if (watched.get(sessionId) === after) watched.delete(sessionId)
      }
    },
    onEntries(listener) {
      listeners.add(listener)
    },
    async close() {
      stopPolling()
      await stopSubscriber()
    },
  }
}

function parseEntry(line: string, sessionId: string): RelayedEntry {
  const space = line.indexOf(' ')
  const seq = Number(line.slice(0, space))
  if (space < 1 || !Number.isSafeInteger(seq)) {
    throw new Error(`a stream entry of "${sessionId}" is malformed`)
  }
  return { seq, json: line.slice(space + 1) }
}
