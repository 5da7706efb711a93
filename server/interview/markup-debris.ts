/**
 * Markup debris: what is left of a code block, a list or a lead-in when a filter cuts the text
 * they framed (the leak guard dropping a copy of the model answer). A fence whose block was
 * dropped, a line of closing braces, an empty bullet, "Here is the code:" with no code: none of it
 * is for the candidate. Ordinary prose and a code block with its text are never debris.
 */

const FENCE_LINE = /^\s*(```|~~~)/
const FENCE_AT = /(?:^|\s)(?:```|~~~)/g
const WORD = /[\p{L}\p{N}]/u
/** Two fence lines with only whitespace between them at the end of the text. */
const EMPTY_BLOCK_TAIL = /(^|\n)[ \t]*(?:```|~~~)[^\n]*\n\s*(?:```|~~~)[ \t]*$/
/** A sentence end inside a line: what a dangling lead-in starts after. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*\s+/g

/** Code fences (``` or ~~~ at a token's start) in `text`. */
export function countFences(text: string): number {
  if (!text.includes('```') && !text.includes('~~~')) return 0
  return text.match(FENCE_AT)?.length ?? 0
}

/** A line with no word in it (braces, brackets, a bullet, `//`), fences aside. */
export function isMarkupLine(line: string): boolean {
  const body = line.trim()
  return body.length > 0 && !WORD.test(body) && !FENCE_LINE.test(body)
}

export function isFenceLine(line: string): boolean {
  return FENCE_LINE.test(line)
}

/** A fence line with no language after it: right after a dropped copy, the copy's block closing. */
export function isBareFenceLine(line: string): boolean {
  return /^\s*(```|~~~)\s*$/.test(line)
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
  if (!inBlock && /^\S+[ \t]*\n/.test(rest)) return 0
  return m[0].length
}

/**
 * How much of `text`, released just before a drop, is kept: the whole of it but its trailing
 * debris. Cut from the end, as long as one applies: a code block left open (from its fence on),
 * lines with no word, a line ending with ":" (a lead-in to what was dropped), and the beginning of
 * the sentence the drop cut (the text after the last sentence end, when no line break follows it).
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
    if (countFences(body) % 2 === 1) {
      // The open block goes from its fence's line on.
      end = lastFenceLineStart(body)
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
    const lineEnded = body.slice(last).includes('\n')
    if (lineEnded && !/:\s*$/.test(line)) return end
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

function lastFenceLineStart(body: string): number {
  let at = -1
  FENCE_AT.lastIndex = 0
  for (let m = FENCE_AT.exec(body); m; m = FENCE_AT.exec(body)) at = m.index
  return body.lastIndexOf('\n', Math.max(0, at)) + 1
}
