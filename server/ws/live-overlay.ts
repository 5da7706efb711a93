import type { ServerMessage } from '../protocol/interview-protocol.js'
import type { Session, Turn } from '../sessions/session-schema.js'

/**
 * What the published messages say about a session beyond what the store may show yet: the
 * latest version of each turn and the text streamed so far of turns in progress (the store
 * holds a streaming turn's text only once it completes). A snapshot built from the store plus
 * this overlay is never behind the messages with lower seqs.
 */
export type LiveOverlay = {
  observe(message: ServerMessage): void
  apply(session: Session, turns: Turn[]): { session: Session; turns: Turn[] }
}

export function createLiveOverlay(): LiveOverlay {
  const turns = new Map<string, Turn>()
  /**
   * The text streamed so far of each turn in progress, as its pieces: a push per delta, joined
   * only when a snapshot reads it. Appending to one string made a new string per delta, each
   * kept until the turn ended (a survivor of the young generation's collections per token).
   */
  const streamed = new Map<string, string[]>()
  let ended = false
  return {
    observe(message) {
      if (message.type === 'turn-start') {
        turns.set(message.turn.id, message.turn)
        if (message.turn.completedAt === null) streamed.set(message.turn.id, [])
      } else if (message.type === 'token-delta') {
        const pieces = streamed.get(message.turnId)
        if (pieces) pieces.push(message.text)
        else streamed.set(message.turnId, [message.text])
      } else if (message.type === 'turn-revise') {
        streamed.set(message.turnId, [message.text])
      } else if (message.type === 'turn-end') {
        turns.set(message.turn.id, message.turn)
        streamed.delete(message.turn.id)
      } else if (message.type === 'session-ended') {
        ended = true
      }
    },
    apply(session, stored) {
      const byId = new Map(stored.map((t) => [t.id, t]))
      for (const [id, live] of turns) {
        const known = byId.get(id)
        // A completed version wins over one in progress; the store wins a tie (it has notes).
        if (!known || (known.completedAt === null && live.completedAt !== null)) byId.set(id, live)
      }
      const merged = [...byId.values()]
        .map((t) =>
          streamed.has(t.id) && t.completedAt === null
            ? { ...t, text: streamed.get(t.id)!.join('') }
            : t,
        )
        .sort((a, b) => a.seq - b.seq)
      return { session: ended ? { ...session, status: 'ended' } : session, turns: merged }
    },
  }
}
