/** A piece of a turn's text: plain, or part of an evidence quote (with the quote's anchor id). */
export type Segment = { text: string; quoteId: string | null }

export type QuoteMark = { id: string; quote: string }

/**
 * Splits `text` into segments so each quote found in it (verbatim, first occurrence, not
 * overlapping an earlier one) can be wrapped in a <mark>. Quotes not found are left out.
 */
export function highlightQuotes(text: string, quotes: QuoteMark[]): Segment[] {
  const ranges: Array<{ start: number; end: number; id: string }> = []
  for (const { id, quote } of quotes) {
    if (!quote) continue
    let from = 0
    for (;;) {
      const start = text.indexOf(quote, from)
      if (start === -1) break
      const end = start + quote.length
      if (ranges.every((r) => end <= r.start || start >= r.end)) {
        ranges.push({ start, end, id })
        break
      }
      from = start + 1
    }
  }
  ranges.sort((a, b) => a.start - b.start)
  const segments: Segment[] = []
  let at = 0
  for (const range of ranges) {
    if (range.start > at) segments.push({ text: text.slice(at, range.start), quoteId: null })
    segments.push({ text: text.slice(range.start, range.end), quoteId: range.id })
    at = range.end
  }
  if (at < text.length || segments.length === 0)
    segments.push({ text: text.slice(at), quoteId: null })
  return segments
}

/** A stable DOM id for evidence quote `index` of criterion `criterionIndex` in `group`. */
export function quoteAnchorId(
  group: 'criterion' | 'competency',
  criterionIndex: number,
  index: number,
): string {
  return `evidence-${group}-${criterionIndex}-${index}`
}
