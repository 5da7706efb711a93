/**
 * Markup debris: what is left of a code block, a list or a lead-in when a filter cuts the text
 * they framed (the leak guard dropping a copy of the model answer). A fence whose block was
 * dropped, a line of closing braces, an empty bullet, "Here is the code:" with no code: none of it
 * is for the candidate. Ordinary prose and a code block with its text are never debris.
 */

const FENCE_LINE = /^\s*(```|~~~)/
const WORD = /[\p{L}\p{N}]/u
/** Two fence lines with only whitespace between them at the end of the text. */
const EMPTY_BLOCK_TAIL = /(^|\n)[ \t]*(?:```|~~~)[^\n]*\n\s*(?:```|~~~)[ \t]*$/
/** A sentence end inside a line: what a dangling lead-in starts after. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*\s+/g

/** A line with no word in it (braces, brackets, a bullet, `//`), fences aside. */
export function isMarkupLine(line: string): boolean {
  const body = line.trim()
  return body.length > 0 && !WORD.test(body) && !FENCE_LINE.test(body)
}

/** A fence line with no language after it: right after a dropped copy, the copy's block closing. */
function isBareFenceLine(line: string): boolean {
  return /^\s*(`{3,}|~{3,})\s*$/.test(line)
}

/** A fence with an info string: one token naming the block's language ("```ts", "``` python"). */
const INFO_FENCE = /^[ \t]*(?:`{3,}|~{3,})[ \t]*[\w+#-][\w+#.-]*[ \t]*\r?\n?$/

/**
 * A fence line's kind: 'bare' ("```"), 'info' ("```ts", "``` python"), 'prose' (a fence with
 * more than a language after it, "``` What would you check first?"), or null for a line that is
 * not a fence.
 */
export function fenceKind(line: string): 'bare' | 'info' | 'prose' | null {
  if (!FENCE_LINE.test(line)) return null
  if (isBareFenceLine(line)) return 'bare'
  return INFO_FENCE.test(line) ? 'info' : 'prose'
}

/**
 * Whether a code block is open after `line`, given whether one was open before it. A fence with
 * an info string only ever opens one (a closing fence has none: a model that writes "```ts" in a
 * block it never closed means a new block); a bare fence, or one with prose after it, opens a
 * block or closes the open one.
 */
export function blockOpenAfterLine(line: string, open: boolean): boolean {
  const kind = fenceKind(line)
  if (kind === null) return open
  return kind === 'info' ? true : !open
}

/**
 * Where the line of the fence that opened the code block still open at the end of `text` starts,
 * or -1 when none is open (blockOpenAfterLine, line by line).
 */
export function openBlockStart(text: string): number {
  let open = false
  let at = -1
  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline < 0 ? text.length : newline
    const line = text.slice(lineStart, lineEnd)
    const next = blockOpenAfterLine(line, open)
    if (next && (!open || fenceKind(line) === 'info')) at = lineStart
    open = next
    if (newline < 0) break
    lineStart = newline + 1
  }
  return open ? at : -1
}

/**
 * Reads text in pieces, line by line, for whether a code block is open at its end: the text of a
 * dropped copy and its frame, which the candidate never sees. `line` is the line the text begins
 * inside of (what was shown of it), so a fence is only read at a line's start.
 */
export function createFenceReader(line = ''): {
  read(text: string): void
  readonly open: boolean
} {
  let open = false
  // A line is a fence by its beginning: a long one is kept short (a reply with no line breaks).
  let current = line.slice(0, 200)
  return {
    read(text) {
      let from = 0
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
        open = blockOpenAfterLine(current + text.slice(from, newline), open)
        current = ''
        from = newline + 1
      }
      if (current.length < 200) current += text.slice(from, from + 200)
    },
    get open() {
      return blockOpenAfterLine(current, open)
    },
  }
}

/** A fence at a line's start, then spaces and more on the same line. */
const FENCE_THEN_TEXT = /^[ \t]*(?:`{3,}|~{3,})[ \t]+(?=\S)/

/**
 * Right after a dropped copy, a line that begins with the fence closing the copy's block and goes
 * on with prose ("``` What would you check first?"): the length of the fence and the spaces after
 * it, which go with the copy while the prose stays; 0 for any other line. With `inBlock` (the
 * copy's opening fence was received) any such fence closes the block; without it (a copy begun
 * inside a block) the text after the fence must not be a lone word ending the line, which is an
 * info string ("``` python"): the opening of a block of the interviewer's own.
 */
export function closingFenceBeforeProse(line: string, inBlock: boolean): number {
  const m = FENCE_THEN_TEXT.exec(line)
  if (!m) return 0
  const rest = line.slice(m[0].length)
  if (!WORD.test(rest)) return 0
  // An info string, or what may still become one: the opening of a block of the interviewer's own.
  if (/^[\w+#-][\w+#.-]*[ \t]*(\r?\n|$)/.test(rest)) return 0
  if (!inBlock && /^\S+[ \t]*\n/.test(rest)) return 0
  return m[0].length
}

/**
 * How much of `text`, released just before a drop, is kept: the whole of it but its trailing
 * debris. Cut from the end, as long as one applies: a code block left open (from its fence on),
 * lines with no word, wordless tokens ending a line (a fence after a lead-in), a line ending with
 * ":" or "," (a lead-in to what was dropped, "As the answer puts it,"), and the beginning of the
 * sentence the drop cut (the text after the last sentence end, when no line break follows it).
 * The whitespace before the cut is kept.
 */
export function keptBeforeDrop(text: string): number {
  let end = text.length
  for (;;) {
    const body = text.slice(0, end)
    const last = body.trimEnd().length
    if (last === 0) return 0
    const lineStart = body.lastIndexOf('\n', last - 1) + 1
    const line = body.slice(lineStart, last)
    const open = openBlockStart(body)
    if (open >= 0) {
      // The open block goes from its fence's line on.
      end = open
      continue
    }
    if (isMarkupLine(line)) {
      end = lineStart
      continue
    }
    // A block with nothing left in it goes whole.
    const empty = EMPTY_BLOCK_TAIL.exec(body.slice(0, last))
    if (empty) {
      end = empty.index + empty[1]!.length
      continue
    }
    // Wordless tokens ending a line of prose ("As the answer puts it, ```"): the frame's start.
    const trailing = /\s[^\p{L}\p{N}\s.!?…"'”’]+$/u.exec(line)
    if (trailing) {
      end = lineStart + trailing.index + 1
      continue
    }
    const lineEnded = body.slice(last).includes('\n')
    if (lineEnded && !/[:,]\s*$/.test(line)) return end
    // The line the drop cut, or a lead-in line: its last sentence goes.
    let cut = lineStart
    SENTENCE_END.lastIndex = 0
    for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
      if (m.index + m[0].length < line.length) cut = lineStart + m.index + m[0].length
    }
    if (!lineEnded && cut === lineStart && /[.!?…]["'”’)\]]*$/.test(line)) return end
    if (!lineEnded && cut > lineStart && !/\S/.test(body.slice(cut))) return end
    end = cut
  }
}
