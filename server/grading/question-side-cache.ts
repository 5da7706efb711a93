import type { TextAnalyzer } from '../text/text-analyzer.js'

/**
 * A cache for what a grade derives from its question alone (the question's world of stems, its
 * points and which of them each criterion is about), which every grade of that question would
 * otherwise rebuild: a few milliseconds of a long transcript's grade. Entries are kept per
 * analyzer, since terms depend on its stemming, and keyed by the exact text they are built
 * from, so an edited question misses and is rebuilt (the worker gets a fresh copy of the question
 * with every request, so identity cannot key it). The oldest entry goes past `size`.
 */
export function createQuestionSideCache<T>(
  size = 32,
): (analyzer: TextAnalyzer, key: string, build: () => T) => T {
  const byAnalyzer = new WeakMap<TextAnalyzer, Map<string, T>>()
  return (analyzer, key, build) => {
    let entries = byAnalyzer.get(analyzer)
    if (!entries) byAnalyzer.set(analyzer, (entries = new Map()))
    let value = entries.get(key)
    if (value === undefined) {
      value = build()
      if (entries.size >= size) entries.delete(entries.keys().next().value!)
      entries.set(key, value)
    }
    return value
  }
}
