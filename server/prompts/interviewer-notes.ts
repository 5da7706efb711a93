/**
 * The interviewer's output convention (prompts/interviewer-system.md): the text the candidate
 * sees, then a line `NOTES:` and hidden notes for the grader. The marker is matched in capitals,
 * also when a model bolds it (`**NOTES:**`) or does not start a new line for it; everything from
 * it on is hidden.
 */
const MARKER = /\*{0,2}NOTES\*{0,2}:\*{0,2}/
const MARKER_FORMS = ['NOTES:', '**NOTES:**', '**NOTES**:']

export type InterviewerOutput = { visible: string; notes: string | null }

/** Splits a whole interviewer reply into what the candidate sees and the grader's notes. */
export function parseInterviewerOutput(text: string): InterviewerOutput {
  const match = MARKER.exec(text)
  if (!match) return { visible: text.trim(), notes: null }
  const notes = text.slice(match.index + match[0].length).trim()
  return { visible: text.slice(0, match.index).trim(), notes: notes.length > 0 ? notes : null }
}

/** The notes splitter as a push filter: one call per delta, no promise per delta. */
export type NotesSplitter = {
  /** Takes the next delta; returns the visible text it lets out ('' for none). */
  push(delta: string): string
  /** Ends the reply: returns the visible text still held ('' for none). */
  end(): string
  /** The hidden notes, once `end` was called; null without a marker or with empty notes. */
  readonly notes: string | null
}

/**
 * Splits a streamed interviewer reply into its visible text and notes. Text that could be the
 * start of the marker is held back until the next delta shows it is not.
 */
export function createNotesSplitter(): NotesSplitter {
  let buffer = ''
  let notes: string | null = null
  let started = false
  let ended: string | null = null
  return {
    push(delta) {
      if (notes !== null) {
        notes += delta
        return ''
      }
      buffer += delta
      if (!started) {
        buffer = buffer.trimStart()
        started = buffer.length > 0
      }
      const match = MARKER.exec(buffer)
      if (match) {
        const visible = buffer.slice(0, match.index).trimEnd()
        notes = buffer.slice(match.index + match[0].length)
        buffer = ''
        return visible
      }
      // Whitespace before a possible marker is held too: it belongs to the visible text only if
      // more visible text follows.
      let keep = buffer.length - markerPrefixLength(buffer)
      while (keep > 0 && /\s/.test(buffer[keep - 1]!)) keep--
      if (keep === 0) return ''
      const out = buffer.slice(0, keep)
      buffer = buffer.slice(keep)
      return out
    },
    end() {
      const rest = buffer.trimEnd()
      buffer = ''
      // The marker may have matched before a bolding `**` after its colon arrived.
      const trimmed = notes?.replace(/^\*+/, '').trim() ?? ''
      ended = trimmed.length > 0 ? trimmed : null
      return rest
    },
    get notes() {
      return ended
    },
  }
}

/**
 * Streams only the visible part of an interviewer reply (createNotesSplitter over an async
 * iterable); the notes are returned at the end.
 */
export async function* stripNotesFromStream(
  deltas: AsyncIterable<string>,
): AsyncGenerator<string, { notes: string | null }> {
  const splitter = createNotesSplitter()
  for await (const delta of deltas) {
    const visible = splitter.push(delta)
    if (visible.length > 0) yield visible
  }
  const rest = splitter.end()
  if (rest.length > 0) yield rest
  return { notes: splitter.notes }
}

/** The length of the longest end of `text` that begins a marker form. */
function markerPrefixLength(text: string): number {
  const longest = Math.max(...MARKER_FORMS.map((m) => m.length))
  for (let k = Math.min(longest - 1, text.length); k > 0; k--) {
    const end = text.slice(-k)
    if (MARKER_FORMS.some((m) => m.startsWith(end))) return k
  }
  return 0
}

/**
 * stripNotesFromStream for chaining: `visible` can feed another filter (the leak guard), and
 * `notes` is read once it has been drained.
 */
export function splitInterviewerStream(deltas: AsyncIterable<string>): {
  visible: AsyncIterable<string>
  readonly notes: string | null
} {
  let notes: string | null = null
  async function* visible() {
    // yield*, not next() by hand: a reader that stops early closes `deltas` (the model's stream).
    notes = (yield* stripNotesFromStream(deltas)).notes
  }
  return {
    visible: visible(),
    get notes() {
      return notes
    },
  }
}
