import { STOP_WORDS } from './stop-words.js'
import type { EmbeddingsLoader } from './wink-embeddings-loader.js'
import { cosineUnit, type WordEmbeddings } from './word-embeddings.js'

/**
 * A term weight from frequency rank (an unsupervised IDF): under Zipf's law p(word) ~ 1/rank,
 * so -log p grows with log(rank). Scaled by log(vocabulary size) into (0, 1]; words outside the
 * vocabulary are rare and weigh 1. Pass as `termWeight` to weigh rare words more.
 */
export function createZipfWeight(loader: EmbeddingsLoader): (stem: string, word: string) => number {
  return (_stem, word) => {
    const embeddings = loader.load()
    const rank = embeddings.rank(word)
    if (rank === undefined) return 1
    return Math.max(0.05, Math.log(rank + 2) / Math.log(embeddings.size + 2))
  }
}

/** Weighted mean of the terms' unit vectors, normalised; undefined when no term has a vector. */
export function centroid(
  e: WordEmbeddings,
  terms: readonly { word: string; weight: number }[],
): Float32Array | undefined {
  const sum = new Float32Array(e.dimensions)
  let any = false
  for (const t of terms) {
    const v = e.vector(t.word)
    if (!v) continue
    any = true
    for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + t.weight * v[i]!
  }
  if (!any) return undefined
  let norm = 0
  for (let i = 0; i < sum.length; i++) norm += sum[i]! * sum[i]!
  norm = Math.sqrt(norm)
  return norm > 0 ? sum.map((x) => x / norm) : undefined
}

/** Damerau-Levenshtein distance of exactly one (one insertion, deletion, substitution or swap). */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a]
  return longer.slice(i + 1) === shorter.slice(i)
}

/** 1,000 common content words (every 10th from frequency rank 100), for per-word chance levels. */
export function sampleCommonVectors(e: WordEmbeddings): Float32Array[] {
  const sample: Float32Array[] = []
  for (let rank = 100; sample.length < 1000 && rank < e.size; rank += 10) {
    const word = e.wordAt(rank)
    const v = word && /^[a-z]+$/.test(word) && !STOP_WORDS.has(word) ? e.vector(word) : undefined
    if (v) sample.push(v)
  }
  return sample
}

/** The element-wise sum of vectors, in double precision, and how many were summed. */
export function sumOfVectors(
  vectors: readonly Float32Array[],
  dimensions: number,
): { sum: Float64Array; count: number } {
  const sum = new Float64Array(dimensions)
  for (const v of vectors) for (let i = 0; i < dimensions; i++) sum[i] = sum[i]! + v[i]!
  return { sum, count: vectors.length }
}
