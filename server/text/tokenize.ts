/** A word of a text, lowercased, with its character span in the original text. */
export type WordToken = { word: string; start: number; end: number }

/** A sentence of a text: a verbatim, trimmed slice of it with its span. */
export type SentenceSpan = { text: string; start: number; end: number }

// Letters and digits, with inner apostrophes ("don't") and dots in numbers ("2.5") kept.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:\.\d+)?/gu

/**
 * Splits a text into lowercase words. Curly apostrophes become straight ones and a possessive
 * "'s" is dropped, so "cache's" and "cache" are the same word. Hyphenated and slashed compounds
 * split into their parts.
 */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = []
  for (const match of text.matchAll(WORD)) {
    let word = match[0].toLowerCase().replace(/’/g, "'")
    if (word.endsWith("'s")) word = word.slice(0, -2)
    const start = match.index
    tokens.push({ word, start, end: start + match[0].length })
  }
  return tokens
}

// A sentence ends at . ! ? (not inside "2.5" or "e.g.") followed by space, or at a line break.
const SENTENCE_END = /(?<!\b[A-Za-z]\.[A-Za-z]\.)(?<=[.!?])["'”’)]*\s+|\n+/g

/**
 * Splits a text into sentences. Every sentence is an exact substring of the input (trimmed), so
 * it can be quoted as verbatim evidence. Lines (bullets, code) count as sentences of their own.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  let from = 0
  const push = (start: number, end: number) => {
    const slice = text.slice(start, end)
    const lead = slice.length - slice.trimStart().length
    const trimmed = slice.trim()
    if (/[\p{L}\p{N}]/u.test(trimmed)) {
      spans.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length })
    }
  }
  for (const match of text.matchAll(SENTENCE_END)) {
    push(from, match.index)
    from = match.index + match[0].length
  }
  push(from, text.length)
  return spans
}
