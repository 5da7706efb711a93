import { createStemmer } from './stem.js'
import { STOP_WORDS } from './stop-words.js'
import { tokenizeWords } from './tokenize.js'
import type { EmbeddingsLoader } from './wink-embeddings-loader.js'
import { cosineUnit, type WordEmbeddings } from './word-embeddings.js'

/** A content word of a text: its surface form, Porter2 stem and weight (IDF-like, in (0, 1]). */
export type Term = { word: string; stem: string; weight: number }

/** How much of a reference a text covers. */
export type Coverage = {
  /** Weighted share of the reference's content terms that the text matches, in [0, 1]. */
  score: number
  /** Reference terms the text matches (same stem, or a close word vector), heaviest first. */
  matchedTerms: string[]
  /** Reference terms the text does not match, heaviest first. */
  missingTerms: string[]
}

export type CoverageOptions = {
  /**
   * Text whose words are demoted in the reference, typically the question: repeating the
   * question's words shows no knowledge (a standard zero-shot technique in short-answer grading).
   */
  demote?: string
  /** Weight factor for demoted terms; 0 drops them. Default 0. */
  demoteFactor?: number
}

export interface TextAnalyzer {
  /** Content words of a text: lowercase, stop words removed, not stemmed, in order. */
  tokens(text: string): string[]
  /** Distinct content terms of a text (first surface form per stem), with weights. */
  terms(text: string): Term[]
  /**
   * How alike two words are, in [0, 1]: 1 for the same stem, the cosine of their word vectors
   * when it reaches `minWordSimilarity`, else 0 (low cosines are noise between unrelated words).
   */
  wordSimilarity(a: Term, b: Term): number
  /**
   * Symmetric semantic similarity of two texts in [0, 1]: the harmonic mean of the soft,
   * weighted coverage of each text by the other (greedy word alignment, a soft F1).
   */
  similarity(a: string, b: string): number
  /**
   * Soft recall of the reference by the answer: each reference term is aligned with its most
   * similar answer term, and the alignment scores are averaged with the term weights.
   */
  coverage(answer: string, reference: string, options?: CoverageOptions): Coverage
  /** Cosine of the weighted mean word vectors of two texts, clamped to [0, 1]; 0 without vectors. */
  centroidSimilarity(a: string, b: string): number
}

export type TextAnalyzerOptions = {
  /** Word vectors, loaded on first use. Without them similarity is lexical (stems only). */
  embeddings?: EmbeddingsLoader
  /** Minimum cosine for two different words to count as related. Default 0.5. */
  minWordSimilarity?: number
  /**
   * Weight of a term, by stem and word. Default: an IDF estimated from the word's frequency rank
   * in the embeddings' corpus (Zipf), 1 for every word when there are no embeddings.
   */
  termWeight?: (stem: string, word: string) => number
}

/** A term matched with score >= this counts as "matched" in coverage reports. */
const MATCHED = 0.5

/** Builds a text analyzer; cheap until the first call that needs word vectors. */
export function createTextAnalyzer(options: TextAnalyzerOptions = {}): TextAnalyzer {
  const stem = createStemmer()
  const minSimilarity = options.minWordSimilarity ?? 0.5
  const vectors = (): WordEmbeddings | undefined => options.embeddings?.load()
  const weightOf = options.termWeight ?? ((_stem: string, word: string) => zipfIdf(vectors(), word))

  const tokens = (text: string) =>
    tokenizeWords(text)
      .map((t) => t.word)
      .filter((w) => !STOP_WORDS.has(w) && !/^\d$/.test(w))

  const terms = (text: string): Term[] => {
    const seen = new Map<string, Term>()
    for (const word of tokens(text)) {
      const s = stem(word)
      if (!seen.has(s)) seen.set(s, { word, stem: s, weight: weightOf(s, word) })
    }
    return [...seen.values()]
  }

  const wordSimilarity = (a: Term, b: Term): number => {
    if (a.stem === b.stem) return 1
    const e = vectors()
    const va = e?.vector(a.word)
    const vb = e?.vector(b.word)
    if (!va || !vb) return 0
    const cos = cosineUnit(va, vb)
    return cos >= minSimilarity ? cos : 0
  }

  const align = (from: Term[], to: Term[]): number[] =>
    from.map((r) => to.reduce((best, t) => Math.max(best, wordSimilarity(r, t)), 0))

  const coverageOf = (
    answer: Term[],
    reference: Term[],
    demoted: Set<string>,
    factor: number,
  ): Coverage => {
    const best = align(reference, answer)
    let total = 0
    let got = 0
    reference.forEach((r, i) => {
      const w = demoted.has(r.stem) ? r.weight * factor : r.weight
      total += w
      got += w * best[i]!
    })
    const order = reference
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => !demoted.has(r.stem) || factor > 0)
      .sort((x, y) => y.r.weight - x.r.weight)
    return {
      score: total > 0 ? got / total : 0,
      matchedTerms: order.filter(({ i }) => best[i]! >= MATCHED).map(({ r }) => r.word),
      missingTerms: order.filter(({ i }) => best[i]! < MATCHED).map(({ r }) => r.word),
    }
  }

  return {
    tokens,
    terms,
    wordSimilarity,
    coverage(answer, reference, opts = {}) {
      const demoted = new Set(opts.demote ? terms(opts.demote).map((t) => t.stem) : [])
      return coverageOf(terms(answer), terms(reference), demoted, opts.demoteFactor ?? 0)
    },
    similarity(a, b) {
      const ta = terms(a)
      const tb = terms(b)
      const none = new Set<string>()
      const recall = coverageOf(ta, tb, none, 0).score
      const precision = coverageOf(tb, ta, none, 0).score
      return recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0
    },
    centroidSimilarity(a, b) {
      const e = vectors()
      if (!e) return 0
      const ca = centroid(e, terms(a))
      const cb = centroid(e, terms(b))
      if (!ca || !cb) return 0
      return Math.max(0, cosineUnit(ca, cb))
    },
  }
}

/**
 * IDF from frequency rank: under Zipf's law p(word) ~ 1/rank, so -log p grows with log(rank).
 * Scaled by log(vocabulary size) into (0, 1]; words outside the vocabulary are rare, weight 1.
 */
export function zipfIdf(embeddings: WordEmbeddings | undefined, word: string): number {
  if (!embeddings) return 1
  const rank = embeddings.rank(word)
  if (rank === undefined) return 1
  return Math.max(0.05, Math.log(rank + 2) / Math.log(embeddings.size + 2))
}

function centroid(e: WordEmbeddings, terms: Term[]): Float32Array | undefined {
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
