import type { TurnChunk } from './interviewer-engine.js'
import { applyCuts, createLeakGuard, type LeakGuard, type LeakGuardOptions } from './leak-guard.js'

/**
 * The leak guard without its hold-back on ordinary text: what the guard holds is shown at once
 * while the run of words that could begin a copy is shorter than LEAK_HOLD_RUN_WORDS (its
 * `preview`), and only a longer run is held. When a run does become a copy, the few words of it
 * already shown are taken back with the whole corrected text (a revision), which is then exactly
 * what the guard alone releases: the copy and the rest of its sentence dropped (the neutral
 * probe, when the turn asks nothing else, comes at its end, with the flush: never shown early).
 *
 * So no client ever sees a span of LEAK_SPAN_WORDS copied words (every text shown is the guard's
 * released text plus fewer than LEAK_HOLD_RUN_WORDS words of a run, and a run reaches a copy only
 * past them), and a turn ends with the guard's own text. Holding every run instead held nearly
 * every word, since nearly every common word ("the", "you", "what") appears in the model answer:
 * one to two tokens each, 100 ms at 20 tokens/s.
 *
 * The frame of a copy the guard released before it saw the copy (an opened code block, a lead-in:
 * the guard's `cuts`, markup-debris.ts) is taken out of the released text with the same revision.
 *
 * Shown text = the guard's released text + its preview. While that only grows, the new part is
 * appended; a copy caught after its start was shown revises the whole. A preview that shrinks
 * without a copy (a token being typed turns out to hold more words) keeps what was shown.
 */
export type EarlyLeakGuard = {
  /** Takes the next delta; returns what the shown text becomes, or null for no change. */
  push(delta: string): TurnChunk | null
  /** Ends the text (see LeakGuard.flush): returns the final change, or null for none. */
  flush(): TurnChunk | null
  /** What the client has now (after `flush`: the guard's released text). */
  readonly shown: string
  /** Copies rewritten or dropped so far. */
  readonly leaks: number
  /** Text received and neither shown nor dropped (for tests and diagnostics). */
  readonly held: string
}

export function createEarlyLeakGuard(
  modelAnswer: string,
  options: LeakGuardOptions = {},
): EarlyLeakGuard {
  return showEarly(createLeakGuard(modelAnswer, options))
}

/** Wraps a fresh leak guard (nothing pushed yet). */
export function showEarly(guard: LeakGuard): EarlyLeakGuard {
  let released = ''
  let shown = ''
  let leaksSeen = guard.leaks
  let cutsSeen = guard.cuts.length

  const show = (): TurnChunk | null => {
    const preview = guard.preview
    const caught = guard.leaks !== leaksSeen
    leaksSeen = guard.leaks
    if (!caught) {
      // Without a copy, both are beginnings of the same received text: the longer one is kept,
      // and only the new end is built (no copy of the whole turn per delta).
      const length = released.length + preview.length
      if (length <= shown.length) return null
      const added =
        shown.length >= released.length
          ? preview.slice(shown.length - released.length)
          : released.slice(shown.length) + preview
      shown += added
      return added
    }
    // Cuts come with a drop: the copy's frame released earlier is taken back with it.
    if (guard.cuts.length > cutsSeen) {
      released = applyCuts(released, guard.cuts.slice(cutsSeen))
      cutsSeen = guard.cuts.length
    }
    const next = released + preview
    if (next === shown) return null
    if (next.startsWith(shown)) {
      const added = next.slice(shown.length)
      shown = next
      return added
    }
    shown = next
    return { revise: next }
  }

  return {
    push(delta) {
      released += guard.push(delta)
      return show()
    },
    flush() {
      released += guard.flush()
      return show()
    },
    get shown() {
      return shown
    },
    get leaks() {
      return guard.leaks
    },
    get held() {
      return released.length >= shown.length
        ? guard.held
        : guard.held.slice(shown.length - released.length)
    },
  }
}
