import porter2 from 'wink-porter2-stemmer'

/**
 * A Porter2 stemmer with a per-instance cache: "caching", "cached" and "caches" share the stem
 * "cach", so exact matching treats inflections as the same word.
 */
export type Stemmer = (word: string) => string

export function createStemmer(): Stemmer {
  const cache = new Map<string, string>()
  return (word) => {
    let stem = cache.get(word)
    if (stem === undefined) {
      stem = /^[a-z]+$/.test(word) ? porter2(word) : word
      cache.set(word, stem)
    }
    return stem
  }
}
