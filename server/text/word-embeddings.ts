/**
 * Word vectors, looked up by lowercase word. Vectors are unit length, so the dot product of two
 * of them is their cosine similarity.
 */
export interface WordEmbeddings {
  readonly dimensions: number
  /** Number of words in the vocabulary. */
  readonly size: number
  /** The unit-length vector of a lowercase word, or undefined when it is out of vocabulary. */
  vector(word: string): Float32Array | undefined
  /**
   * The word's frequency rank in the corpus the vectors were trained on (0 = most frequent), or
   * undefined when unknown. Used as an unsupervised IDF: by Zipf's law -log p(word) grows with
   * log(rank).
   */
  rank(word: string): number | undefined
  /** The word of a frequency rank, or undefined past the vocabulary. */
  wordAt(rank: number): string | undefined
}

/** Cosine similarity of two unit vectors (their dot product). */
export function cosineUnit(a: Float32Array, b: Float32Array): number {
  let dot = 0
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!
  return dot
}

/** Builds embeddings from plain arrays (any length, normalised here); for tests and small sets. */
export function createInMemoryEmbeddings(
  vectors: Record<string, readonly number[]>,
  ranks: readonly string[] = Object.keys(vectors),
): WordEmbeddings {
  const entries = Object.entries(vectors)
  const dimensions = entries[0]?.[1].length ?? 0
  const store = new Map<string, Float32Array>()
  for (const [word, values] of entries) store.set(word, normalise(Float32Array.from(values)))
  const rankOf = new Map(ranks.map((word, i) => [word, i]))
  return {
    dimensions,
    size: Math.max(store.size, ranks.length),
    vector: (word) => store.get(word),
    rank: (word) => rankOf.get(word),
    wordAt: (rank) => ranks[rank],
  }
}

/** Scales a vector to unit length in place; a zero vector stays zero. */
export function normalise(v: Float32Array): Float32Array {
  let sum = 0
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!
  const norm = Math.sqrt(sum)
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm
  return v
}

/**
 * The mean cosine of two unrelated words: deterministic pairs of words of frequency ranks
 * [from, from + count), each paired with a far-off rank. Two words of a language are never
 * orthogonal in these spaces (about 0.2 for wink's vectors), so similarity above this level is
 * what signals relatedness.
 */
export function estimateChanceCosine(
  embeddings: WordEmbeddings,
  from = 1000,
  count = 20_000,
): number {
  const end = Math.min(embeddings.size, from + count)
  let sum = 0
  let n = 0
  for (let rank = from; rank < end; rank++) {
    const other = from + (((rank - from) * 7919 + 104_729) % (end - from))
    const a = embeddings.wordAt(rank)
    const b = embeddings.wordAt(other)
    const va = a === undefined ? undefined : embeddings.vector(a)
    const vb = b === undefined ? undefined : embeddings.vector(b)
    if (!va || !vb || other === rank) continue
    sum += cosineUnit(va, vb)
    n++
  }
  return n > 0 ? sum / n : 0
}
