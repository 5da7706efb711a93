import type { TurnChunk } from './interviewer-engine.js'
import { createRepeatFilter, type RepeatFilter } from './repeat-filter.js'

/**
 * The repeat filter without its latency: every word is shown as soon as it arrives, and a sentence
 * the filter then drops or replaces (a repeated question, a drill hint that asks or contradicts a
 * solid verdict) is taken back with the turn's whole corrected text.
 *
 * The trade-off: a rare repeated question is on screen for the time its sentence took to stream,
 * then replaced; what the turn ends with (its `turn-end` text, the stored turn) is exactly the
 * sentence-at-a-time filter's output and never holds it. Holding every sentence instead cost the
 * candidate a whole sentence (0.75 s at 20 tokens/s, 3 s at 5) before the first word of every
 * turn, to hide a question that almost never repeats.
 *
 * Text shown = the filter's released text + what it has not checked yet. While that only grows,
 * the new part is appended; when a check changes what was shown, the whole is revised.
 */
export type StreamedRepeatFilter = Pick<RepeatFilter, 'dropped' | 'asked' | 'hintsFixed'> & {
  /** Takes the next delta; returns what the candidate's text becomes, or null for no change. */
  push(delta: string): TurnChunk | null
  /**
   * The text received so far was replaced by `whole` (the leak guard took back the start of a
   * copy): filters it afresh, as if it had come instead.
   */
  revise(whole: string): TurnChunk | null
  /** Ends the text: checks the last sentence; returns the final change, or null for none. */
  flush(): TurnChunk | null
  /** What the candidate has now (after `flush`: the turn's authoritative text). */
  readonly shown: string
}

export function createStreamedRepeatFilter(
  input: Parameters<typeof createRepeatFilter>[0],
): StreamedRepeatFilter {
  let filter = createRepeatFilter(input)
  let released = ''
  let shown = ''

  const show = (next: string): TurnChunk | null => {
    if (next === shown) return null
    const chunk = next.startsWith(shown) ? next.slice(shown.length) : { revise: next }
    shown = next
    return chunk
  }

  return {
    get dropped() {
      return filter.dropped
    },
    get asked() {
      return filter.asked
    },
    get hintsFixed() {
      return filter.hintsFixed
    },
    get shown() {
      return shown
    },
    push(delta) {
      // shown is released + the filter's pending text (show keeps it so). When the sentences
      // the filter released now are the ones shown, the new text is the end of this delta's part
      // alone: no copy or comparison of the whole turn per token (it was the filter's largest
      // per-token cost, growing with the turn: bench/stream/token-path-cpu.ts).
      const before = filter.pending
      const out = filter.push(delta)
      released += out
      const tail = out.length === 0 ? filter.pending : out + filter.pending
      if (tail.startsWith(before)) {
        if (tail.length === before.length) return null
        const added = tail.slice(before.length)
        shown += added
        return added
      }
      return show(released + filter.pending)
    },
    revise(whole) {
      filter = createRepeatFilter(input)
      released = filter.push(whole)
      return show(released + filter.pending)
    },
    flush() {
      released += filter.flush()
      return show(released)
    },
  }
}
