import { createMarkupFilter } from '../../../server/llm/strip-model-markup.js'

/**
 * Feeds `deltas` through one filter as a reader would: released text appended, and all of it
 * taken back when the filter counts a retraction. `shown` is the reader's text after each delta.
 */
export function runFilter(deltas: string[], complete = true) {
  const filter = createMarkupFilter()
  let out = ''
  const shown: string[] = []
  let retractions = 0
  for (const delta of deltas) {
    const text = filter.push(delta)
    if (filter.retractions !== retractions) {
      retractions = filter.retractions
      out = ''
    }
    out += text
    shown.push(out)
  }
  const tail = filter.end(complete)
  if (filter.retractions !== retractions) out = ''
  out += tail
  return { out, shown, removed: filter.removed, retractions: filter.retractions }
}

/** Every way of cutting `text` in two, and one delta per character. */
export function splits(text: string): string[][] {
  const cuts = Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)])
  return [...cuts, [...text]]
}
