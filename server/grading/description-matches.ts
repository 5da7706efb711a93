import type { TextAnalyzer } from '../text/text-analyzer.js'

/**
 * How much of each criterion's own description each candidate sentence covers, as the analyzer's
 * coverage(sentence, description) gives it (each description term's best similarity in the
 * sentence, averaged with the terms' weights; no word demoted, since the description says what
 * the criterion is about in the question's words), from one similarity matrix for the whole
 * answer instead of a coverage per sentence and criterion.
 */
export function matchDescriptions(
  analyzer: TextAnalyzer,
  sentences: readonly string[],
  descriptions: readonly string[],
): (sentence: number, criterion: number) => number {
  const rowsOf = descriptions.map((d) => analyzer.terms(d))
  const rows = rowsOf.flat()
  const columnIndex = new Map<string, number>()
  const columns: ReturnType<TextAnalyzer['terms']> = []
  const sentenceColumns = sentences.map((s) =>
    analyzer.terms(s).map((t) => {
      let j = columnIndex.get(t.stem)
      if (j === undefined) {
        j = columns.push(t) - 1
        columnIndex.set(t.stem, j)
      }
      return j
    }),
  )
  const sims = analyzer.similarityMatrix(rows, columns)
  const width = columns.length
  const offsets: number[] = []
  rowsOf.reduce((at, r) => (offsets.push(at), at + r.length), 0)
  const cache = new Map<number, number>()
  return (k, t) => {
    const key = k * descriptions.length + t
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const terms = rowsOf[t]!
    let sum = 0
    let total = 0
    terms.forEach((term, r) => {
      const row = (offsets[t]! + r) * width
      let best = 0
      for (const j of sentenceColumns[k]!) best = Math.max(best, sims[row + j]!)
      sum += term.weight * best
      total += term.weight
    })
    const score = total > 0 ? sum / total : 0
    cache.set(key, score)
    return score
  }
}
