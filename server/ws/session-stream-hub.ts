import type { OutboundMessage } from '../interview/interview-messages.js'
import type { ServerMessage } from '../protocol/interview-protocol.js'
import type { Session, Turn } from '../sessions/session-schema.js'
import { createLiveOverlay, type LiveOverlay } from './live-overlay.js'

export type Sink = (message: ServerMessage) => void

export type SessionStreamHubOptions = {
  clock: () => Date
  /** Messages kept per session for `resume`; older ones are answered with a snapshot. */
  maxLogMessages?: number
  /** Sessions whose logs are kept; the least recently used one without sockets goes first. */
  maxSessions?: number
}

type Channel = {
  /** The last seq given out. */
  seq: number
  /** The seq before the first one this process gave out for the session. */
  base: number
  /** The highest seq dropped from the log (base when none was). */
  evictedUpTo: number
  log: ServerMessage[]
  sinks: Set<Sink>
  overlay: LiveOverlay
}

/**
 * The per-session side of the stream: gives every server message its `seq`, keeps a bounded
 * replay log of the messages all sockets of a session see, and fans them out. Messages to one
 * socket (session-state, error, pong) carry the seq of the last session message they follow and
 * do not advance it: a snapshot at seq N is the state as of N, and no socket ever sees a gap made
 * by another socket's replies. What a socket missed is replayed by `resume`.
 *
 * Seqs start from the clock's milliseconds when a process first touches a session, so a
 * restarted server never reuses a seq a client has seen; a resume from before the restart is not
 * in the log and gets a snapshot instead.
 */
export function createSessionStreamHub(options: SessionStreamHubOptions) {
  const maxLog = options.maxLogMessages ?? 5_000
  const maxSessions = options.maxSessions ?? 1_000
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
    c = {
      seq: base,
      base,
      evictedUpTo: base,
      log: [],
      sinks: new Set(),
      overlay: createLiveOverlay(),
    }
    channels.set(sessionId, c)
    evictIdle()
    return c
  }

  function evictIdle() {
    for (const [id, c] of channels) {
      if (channels.size <= maxSessions) return
      if (c.sinks.size === 0) channels.delete(id)
    }
  }

  const stamp = (c: Channel, message: OutboundMessage): ServerMessage =>
    ({ ...message, seq: ++c.seq }) as ServerMessage

  return {
    /** Sends a message to every socket of the session and logs it for resume. */
    publish(sessionId: string, message: OutboundMessage): void {
      const c = channel(sessionId)
      const stamped = stamp(c, message)
      c.overlay.observe(stamped)
      c.log.push(stamped)
      if (c.log.length > maxLog) c.evictedUpTo = c.log.shift()!.seq
      for (const sink of c.sinks) sink(stamped)
    },

    /** Sends a message to one socket only, at the current seq (not logged, not replayed). */
    direct(sessionId: string, sink: Sink, message: OutboundMessage): void {
      sink({ ...message, seq: channel(sessionId).seq } as ServerMessage)
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
      for (const m of c.log) if (m.seq > afterSeq) sink(m)
      return true
    },

    /**
     * Merges what this process streamed into a stored session: turns the store read may not yet
     * show, and the text streamed so far of a turn still in progress.
     */
    overlay(
      sessionId: string,
      session: Session,
      turns: Turn[],
    ): { session: Session; turns: Turn[] } {
      return channel(sessionId).overlay.apply(session, turns)
    },
  }
}

export type SessionStreamHub = ReturnType<typeof createSessionStreamHub>
