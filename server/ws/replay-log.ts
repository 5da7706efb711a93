import type { ServerMessage } from '../protocol/interview-protocol.js'

type TokenDelta = Extract<ServerMessage, { type: 'token-delta' }>

/**
 * Consecutive token-deltas of one turn with consecutive seqs, kept as their texts alone: the
 * delta numbered firstSeq + i (i from `start`) has the text pieces[i]. A class, so every run
 * shares one hidden class and is told from a message by instanceof.
 */
class DeltaRun {
  /** Pieces before this one were evicted. */
  start = 0
  constructor(
    readonly turnId: string,
    /** The seq of pieces[start]. */
    public firstSeq: number,
    readonly pieces: string[],
  ) {}

  get lastSeq(): number {
    return this.firstSeq + this.pieces.length - 1 - this.start
  }
}

/**
 * A token-delta in the one form the live sockets and a replay both send, keys in this order: a
 * delta read back from the log is the same JSON, byte for byte, as the one a live socket got.
 */
export function tokenDelta(turnId: string, text: string, seq: number): TokenDelta {
  return { type: 'token-delta', turnId, text, seq }
}

/**
 * The messages a session's sockets saw, in seq order, for `resume`. Every token-delta used to be
 * kept as its own message object: a turn's 150 deltas were 150 objects living as long as the
 * session's log, the bulk of what survived the young generation's collections while many turns
 * streamed (survivors are what a scavenge copies). Here a turn's consecutive deltas are one
 * entry holding their texts in an array, one slot per delta; a replay rebuilds each delta with
 * its own seq (tokenDelta), so it sends exactly what the live sockets were sent.
 */
export class ReplayLog {
  private readonly entries: Array<ServerMessage | DeltaRun> = []
  /** Messages held (a run counts each delta it holds). */
  size = 0

  append(message: ServerMessage): void {
    this.size += 1
    if (message.type === 'token-delta') {
      const last = this.entries[this.entries.length - 1]
      if (
        last instanceof DeltaRun &&
        last.turnId === message.turnId &&
        last.lastSeq + 1 === message.seq
      ) {
        last.pieces.push(message.text)
        return
      }
      this.entries.push(new DeltaRun(message.turnId, message.seq, [message.text]))
      return
    }
    this.entries.push(message)
  }

  /** Drops the oldest message; returns its seq (undefined when empty). */
  dropOldest(): number | undefined {
    const first = this.entries[0]
    if (first === undefined) return undefined
    this.size -= 1
    if (!(first instanceof DeltaRun)) {
      this.entries.shift()
      return first.seq
    }
    const seq = first.firstSeq
    // The piece goes now, not when its run does: an evicted text is not held.
    first.pieces[first.start] = ''
    first.start += 1
    first.firstSeq += 1
    if (first.start === first.pieces.length) this.entries.shift()
    return seq
  }

  /** Sends every message with seq > afterSeq, oldest first. */
  replayAfter(afterSeq: number, sink: (message: ServerMessage) => void): void {
    for (const entry of this.entries) {
      if (!(entry instanceof DeltaRun)) {
        if (entry.seq > afterSeq) sink(entry)
        continue
      }
      if (entry.lastSeq <= afterSeq) continue
      const from = entry.start + Math.max(0, afterSeq + 1 - entry.firstSeq)
      for (let i = from; i < entry.pieces.length; i++)
        sink(tokenDelta(entry.turnId, entry.pieces[i]!, entry.firstSeq + i - entry.start))
    }
  }
}
