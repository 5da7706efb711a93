import type { OutboundMessage } from '../interview/interview-messages.js'
import { ServerMessageSchema, type ServerMessage } from '../protocol/interview-protocol.js'
import type { Session, Turn } from '../sessions/session-schema.js'
import type { RelayedEntry, SessionEventRelay } from '../sessions/session-event-relay.js'
import { createLiveOverlay, type LiveOverlay } from './live-overlay.js'
import { ReplayLog, tokenDelta } from './replay-log.js'

export type Sink = (message: ServerMessage) => void

export type SessionStreamHubOptions = {
  clock: () => Date
  /** Messages kept per session for `resume`; older ones are answered with a snapshot. */
  maxLogMessages?: number
  /** Sessions whose logs are kept; the least recently used one without sockets goes first. */
  maxSessions?: number
  /**
   * Several instances on one Redis / Vercel KV: seqs come from the backend and every message
   * goes through it, so a socket on any instance gets every instance's messages, in order,
   * with the same seqs. Without it (SQLite, tests) this process numbers and delivers alone.
   */
  relay?: SessionEventRelay
}

type Channel = {
  sessionId: string
  /** The last seq delivered here. */
  seq: number
  /** The highest seq not in the log (dropped, or from before this process saw the session). */
  evictedUpTo: number
  log: ReplayLog
  sinks: Set<Sink>
  overlay: LiveOverlay
  /** With a relay: resolves once the backend's log has been read (null when ready). */
  loading: Promise<void> | null
  /** With a relay: messages waiting for their seqs, sent in one append when the last returns. */
  outbox: OutboundMessage[]
  sending: boolean
  /** With a relay: a read of the backend's log to fill a gap, and whether another is wanted. */
  catchingUp: boolean
  catchUpAgain: boolean
  unwatch: () => void
}

/**
 * The per-session side of the stream: gives every server message its `seq`, keeps a bounded
 * replay log of the messages all sockets of a session see, and fans them out. Messages to one
 * socket (session-state, error, pong) carry the seq of the last session message they follow and
 * do not advance it: a snapshot at seq N is the state as of N, and no socket ever sees a gap made
 * by another socket's replies. What a socket missed is replayed by `resume`.
 *
 * Alone, seqs start from the clock's milliseconds when a process first touches a session, so a
 * restarted server never reuses a seq a client has seen; a resume from before the restart is not
 * in the log and gets a snapshot instead. With a relay, the backend's counter gives them (it
 * starts from the clock the same way), messages are delivered here only as they come back
 * numbered, in seq order (a gap is filled from the backend's log before anything after it), and
 * a channel first reads the backend's log, so `resume` and the live overlay work on an instance
 * that did not stream the turn.
 */
export function createSessionStreamHub(options: SessionStreamHubOptions) {
  const maxLog = options.maxLogMessages ?? 5_000
  const maxSessions = options.maxSessions ?? 1_000
  const relay = options.relay
  const channels = new Map<string, Channel>()

  function channel(sessionId: string): Channel {
    let c = channels.get(sessionId)
    if (c) {
      // Most recently used last, for eviction.
      channels.delete(sessionId)
      channels.set(sessionId, c)
      return c
    }
    const base = Math.max(0, options.clock().getTime())
    const created: Channel = {
      sessionId,
      seq: base,
      evictedUpTo: base,
      log: new ReplayLog(),
      sinks: new Set(),
      overlay: createLiveOverlay(),
      loading: null,
      outbox: [],
      sending: false,
      catchingUp: false,
      catchUpAgain: false,
      unwatch: () => {},
    }
    if (relay) {
      created.unwatch = relay.watch(sessionId, () => created.seq)
      created.loading = load(created).finally(() => (created.loading = null))
    }
    channels.set(sessionId, created)
    evictIdle(created)
    return created
  }

  /** Reads what the backend logged before this instance looked, as if it had been delivered. */
  async function load(c: Channel): Promise<void> {
    try {
      const { entries, lastSeq, firstSeq } = await relay!.read(c.sessionId, 0)
      c.seq = c.evictedUpTo = Math.max(0, firstSeq - 1)
      accept(c, decode(c.sessionId, entries), true)
      c.seq = Math.max(c.seq, lastSeq)
      c.evictedUpTo = Math.min(c.evictedUpTo, c.seq)
    } catch (err) {
      console.error(`session stream: cannot read the log of ${c.sessionId}`, err)
    }
  }

  /**
   * Forgets the least recently used channels nobody follows while there are more than
   * maxSessions, never `created`: it has no socket yet because its caller is about to add one
   * (subscribe) or to publish to it. Until 2026-12-03 it could be the one evicted, once every
   * older channel had a socket (past 1,000 sessions streaming at once): the socket was then
   * subscribed to a channel no longer in the map, and nothing published reached it (bench:stream
   * at 5 tokens/s, N = 1,020: 20 openings never came and the level lost every reply).
   */
  function evictIdle(created: Channel) {
    for (const [id, c] of channels) {
      if (channels.size <= maxSessions) return
      if (c === created) continue
      if (c.sinks.size === 0 && c.outbox.length === 0 && !c.sending) {
        c.unwatch()
        channels.delete(id)
      }
    }
  }

  /** Logs, observes and fans out one numbered message. */
  function deliver(c: Channel, stamped: ServerMessage) {
    c.seq = stamped.seq
    c.overlay.observe(stamped)
    c.log.append(stamped)
    if (c.log.size > maxLog) c.evictedUpTo = c.log.dropOldest()!
    for (const sink of c.sinks) sink(stamped)
  }

  /**
   * Delivers numbered messages in seq order: ones already delivered are skipped; one beyond a
   * gap starts a read of the backend's log, which brings it along with what it missed.
   */
  function accept(c: Channel, messages: ServerMessage[], fromLog = false) {
    for (const m of messages) {
      if (m.seq <= c.seq) continue
      if (m.seq !== c.seq + 1 && !fromLog) return catchUp(c)
      deliver(c, m)
    }
  }

  function catchUp(c: Channel) {
    if (c.catchingUp) {
      c.catchUpAgain = true
      return
    }
    c.catchingUp = true
    void (async () => {
      do {
        c.catchUpAgain = false
        const { entries, firstSeq } = await relay!.read(c.sessionId, c.seq)
        // Older than the log keeps: sockets see the jump and resume into a snapshot.
        if (firstSeq > c.seq + 1) c.evictedUpTo = c.seq = firstSeq - 1
        accept(c, decode(c.sessionId, entries), true)
      } while (c.catchUpAgain)
    })()
      .catch((err: unknown) => console.error(`session stream: catch-up of ${c.sessionId}`, err))
      .finally(() => (c.catchingUp = false))
  }

  /** Sends the outbox in appends of everything queued meanwhile, in publish order. */
  async function send(c: Channel) {
    if (c.sending) return
    c.sending = true
    try {
      if (c.loading) await c.loading
      while (c.outbox.length > 0) {
        const batch = c.outbox.splice(0)
        try {
          const first = await relay!.append(
            c.sessionId,
            batch.map((m) => JSON.stringify(m)),
          )
          accept(
            c,
            batch.map((m, i) => stamp(m, first + i)),
          )
        } catch (err) {
          console.error(`session stream: ${batch.length} message(s) of ${c.sessionId} lost`, err)
        }
      }
    } finally {
      c.sending = false
    }
  }

  relay?.onEntries((sessionId, entries) => {
    const c = channels.get(sessionId)
    if (c && !c.loading) accept(c, decode(sessionId, entries))
  })

  return {
    /** Sends a message to every socket of the session (on every instance) and logs it for resume. */
    publish(sessionId: string, message: OutboundMessage): void {
      const c = channel(sessionId)
      if (!relay) return deliver(c, stamp(message, c.seq + 1))
      c.outbox.push(message)
      void send(c)
    },

    /**
     * Resolves once the session's channel has read the backend's log (at once without a
     * relay): call before replay, overlay or a snapshot on a socket that just connected.
     */
    async prepare(sessionId: string): Promise<void> {
      await channel(sessionId).loading
    },

    /** Sends a message to one socket only, at the current seq (not logged, not replayed). */
    direct(sessionId: string, sink: Sink, message: OutboundMessage): void {
      sink(stamp(message, channel(sessionId).seq))
    },

    /** Starts live delivery to a socket; returns the unsubscribe. */
    subscribe(sessionId: string, sink: Sink): () => void {
      const c = channel(sessionId)
      c.sinks.add(sink)
      return () => c.sinks.delete(sink)
    },

    subscribers(sessionId: string): number {
      return channels.get(sessionId)?.sinks.size ?? 0
    },

    /**
     * Sends the logged messages with seq > afterSeq, in order. False when some of them are no
     * longer in the log (or never were, in this process): the caller sends a snapshot instead.
     */
    replay(sessionId: string, afterSeq: number, sink: Sink): boolean {
      const c = channel(sessionId)
      if (afterSeq < c.evictedUpTo || afterSeq > c.seq) return false
      c.log.replayAfter(afterSeq, sink)
      return true
    },

    /**
     * Merges what was streamed into a stored session: turns the store read may not yet show,
     * and the text streamed so far of a turn still in progress.
     */
    overlay(
      sessionId: string,
      session: Session,
      turns: Turn[],
    ): { session: Session; turns: Turn[] } {
      return channel(sessionId).overlay.apply(session, turns)
    },

    /** Resolves when every message published so far has been numbered and delivered here. */
    async flushed(sessionId: string): Promise<void> {
      const c = channels.get(sessionId)
      while (c && (c.sending || c.outbox.length > 0 || c.loading)) {
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    },
  }
}

/**
 * The message numbered. Not `{ ...message, seq }`: V8 gave each object spread here a hidden class
 * of its own (a fresh map outside the transition tree, with `seq` out of line), about 150 bytes
 * more per logged message, and a session logs every delta of its turns (the offline opening alone
 * is dozens). Object.assign onto an empty literal shares one map per message type.
 */
function stamp(message: OutboundMessage, seq: number): ServerMessage {
  // A delta, the message of every token, is built as one literal: no spread, no `{ seq }`.
  if (message.type === 'token-delta') return tokenDelta(message.turnId, message.text, seq)
  return Object.assign({}, message, { seq }) as ServerMessage
}

/** Backend entries as messages; one that fails the protocol schema is damage, and dropped. */
function decode(sessionId: string, entries: RelayedEntry[]): ServerMessage[] {
  return entries.flatMap((entry) => {
    try {
      const parsed = ServerMessageSchema.safeParse({ ...JSON.parse(entry.json), seq: entry.seq })
      // A delta in the form a replay rebuilds it (the schema's parse orders its keys otherwise).
      if (parsed.success) {
        const m = parsed.data
        return [m.type === 'token-delta' ? tokenDelta(m.turnId, m.text, m.seq) : m]
      }
      console.error(`session stream: entry ${entry.seq} of ${sessionId}: ${parsed.error.message}`)
    } catch {
      console.error(`session stream: entry ${entry.seq} of ${sessionId} is not JSON`)
    }
    return []
  })
}

export type SessionStreamHub = ReturnType<typeof createSessionStreamHub>
