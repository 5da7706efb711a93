import type { Element, ElementContent, Root, Text } from 'hast'

/** A verbatim quote of the candidate to mark, and the DOM id its <mark> gets (a jump target). */
export type QuoteToMark = { id: string; quote: string }

/**
 * A rehype plugin that wraps the first occurrence of each quote in a <mark id tabindex=-1>, in
 * the rendered Markdown. Quotes are taken from the candidate's raw text, so one that spans
 * Markdown syntax (`**a** b`) or sits in highlighted code is not found in a single text node and
 * is left unmarked: the review then jumps to its whole turn instead.
 */
export function rehypeMarkQuotes(options: { quotes: QuoteToMark[] }) {
  return (tree: Root) => {
    const pending = options.quotes.filter((q) => q.quote.length > 0)
    const visit = (parent: Root | Element) => {
      const next: Array<Root['children'][number]> = []
      for (const child of parent.children) {
        if (child.type === 'element' && child.tagName !== 'code') visit(child)
        if (child.type !== 'text' || pending.length === 0) {
          next.push(child)
          continue
        }
        next.push(...splitText(child, pending))
      }
      parent.children = next as typeof parent.children
    }
    visit(tree)
  }
}

/** Splits one text node around the pending quotes it contains, removing each quote it places. */
function splitText(node: Text, pending: QuoteToMark[]): ElementContent[] {
  const out: ElementContent[] = []
  let rest = node.value
  for (;;) {
    let best: { index: number; quote: QuoteToMark } | null = null
    for (const quote of pending) {
      const index = rest.indexOf(quote.quote)
      if (index !== -1 && (best === null || index < best.index)) best = { index, quote }
    }
    if (!best) break
    if (best.index > 0) out.push({ type: 'text', value: rest.slice(0, best.index) })
    out.push({
      type: 'element',
      tagName: 'mark',
      properties: { id: best.quote.id, tabIndex: -1 },
      children: [{ type: 'text', value: best.quote.quote }],
    })
    rest = rest.slice(best.index + best.quote.quote.length)
    pending.splice(pending.indexOf(best.quote), 1)
  }
  if (rest.length > 0 || out.length === 0) out.push({ type: 'text', value: rest })
  return out
}
