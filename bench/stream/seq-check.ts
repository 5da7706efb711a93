/** Server message types that only the receiving socket gets: they carry the seq but do not advance it. */
const UNICAST = new Set(['session-state', 'error', 'pong'])

export type SeqAudit = { broadcast: number; lost: number; reordered: number }

/**
 * Audits the seqs one socket received, in arrival order. The first `session-state` sets the base;
 * every later broadcast message must be exactly one more than the previous one. A jump forward
 * counts the skipped seqs as lost; a seq at or below the last one counts as reordered (or repeated).
 */
export function auditSeqs(messages: ReadonlyArray<{ type: string; seq: number }>): SeqAudit {
  let last: number | null = null
  const audit: SeqAudit = { broadcast: 0, lost: 0, reordered: 0 }
  for (const m of messages) {
    if (UNICAST.has(m.type)) {
      if (m.type === 'session-state' && last === null) last = m.seq
      continue
    }
    audit.broadcast++
    if (last === null) {
      last = m.seq
      continue
    }
    if (m.seq === last + 1) last = m.seq
    else if (m.seq > last + 1) {
      audit.lost += m.seq - last - 1
      last = m.seq
    } else audit.reordered++
  }
  return audit
}
