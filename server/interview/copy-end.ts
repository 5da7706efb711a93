import { blockOpenAfterLine } from './markup-debris.js'

/**
 * Where a copy of a secret text (the model answer, or the prompt it is given in) stopped, found
 * by the copy's last words: whether the text was inside a code block there (so the copy's block
 * is still open, and a bare fence after the copy closes it), and whether a line or sentence of
 * the text ended there (so what the model wrote next is a sentence of its own, even when it ran
 * it on with no full stop: "... high latency variance What would you check first?").
 */
export type CopyEnd = { inBlock: boolean; atBreak: boolean }

type SourceIndex = {
  words: string[]
  inBlock: Uint8Array
  atBreak: Uint8Array
}

/** A sentence end inside a line. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/gu

/**
 * Built at a text's first leak. Model answers are few; the prompt around one may change per turn,
 * so fewer are kept than automata (an index costs only a pass over the text to rebuild).
 */
const indexes = new Map<string, SourceIndex>()
const MAX_CACHED = 64

function indexFor(text: string, normalise: (text: string) => string[]): SourceIndex {
  let index = indexes.get(text)
  if (index) return index
  const words: string[] = []
  const inBlock: number[] = []
  const atBreak: number[] = []
  let open = false
  for (const line of text.split('\n')) {
    open = blockOpenAfterLine(line, open)
    // Each sentence's words; its last word ends it, as the line's last word ends the line.
    let from = 0
    const pieces: string[] = []
    SENTENCE_END.lastIndex = 0
    for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
      pieces.push(line.slice(from, m.index + m[0].length))
      from = m.index + m[0].length
    }
    pieces.push(line.slice(from))
    for (const piece of pieces) {
      const pieceWords = normalise(piece)
      for (const [k, word] of pieceWords.entries()) {
        words.push(word)
        inBlock.push(open ? 1 : 0)
        atBreak.push(k === pieceWords.length - 1 ? 1 : 0)
      }
    }
  }
  index = { words, inBlock: Uint8Array.from(inBlock), atBreak: Uint8Array.from(atBreak) }
  if (indexes.size >= MAX_CACHED) indexes.clear()
  indexes.set(text, index)
  return index
}

/**
 * Where the copy whose last words are `lastWords` (normalised) ends in `text`: at any of the
 * places they occur (a span occurs once in nearly every text); null when they do not occur.
 */
export function copyEndIn(
  text: string,
  lastWords: readonly string[],
  normalise: (text: string) => string[],
): CopyEnd | null {
  const k = lastWords.length
  if (k === 0) return null
  const { words, inBlock, atBreak } = indexFor(text, normalise)
  let found = false
  const end: CopyEnd = { inBlock: false, atBreak: false }
  for (let i = 0; i + k <= words.length; i++) {
    let j = 0
    while (j < k && words[i + j] === lastWords[j]) j++
    if (j < k) continue
    found = true
    end.inBlock ||= inBlock[i + k - 1] === 1
    end.atBreak ||= atBreak[i + k - 1] === 1
  }
  return found ? end : null
}
