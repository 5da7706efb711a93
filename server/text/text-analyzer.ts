import { BoundedLru } from './bounded-lru.js'
import { dotsAgainstMany } from './dot-products.js'
import { createStemmer } from './stem.js'
import { STOP_WORDS } from './stop-words.js'
import { tokenizeWords } from './tokenize.js'
import type { EmbeddingsLoader } from './wink-embeddings-loader.js'
import { cosineUnit, estimateChanceCosine, type WordEmbeddings } from './word-embeddings.js'
import {
  centroid,
  createZipfWeight,
  isOneEditApart,
  sampleCommonVectors,
  sumOfVectors,
} from './word-matching.js'

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
   * How alike two words are, in [0, 1]: 1 for the same stem; 0.9 for a likely misspelling (one
   * edit apart, five letters or more, one of them out of vocabulary); else the cosine of their
   * word vectors corrected for chance, (cos - c) / (1 - c) where c is the cosine of two unrelated
   * words, and 0 below `minWordSimilarity`.
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
  /**
   * The coverage of a reference that a text of `termCount` distinct, unrelated common words
   * gets by chance: the floor under which coverage says nothing about content. Soft matching
   * lets every reference word find some faint kin in a long enough text, so the floor grows with
   * length. The unrelated words are fixed (every 37th word of the vectors' vocabulary from rank
   * 1,000), so the result is deterministic; 0 without vectors.
   */
  chanceCoverage(reference: string, termCount: number, options?: CoverageOptions): number
  /**
   * `wordSimilarity` of every pair, rows x columns, row-major: what many coverages of one text
   * against many references need, with each word's vector and chance level looked up once.
   */
  similarityMatrix(rows: readonly Term[], columns: readonly Term[]): Float32Array
}

export type TextAnalyzerOptions = {
  /** Word vectors, loaded on first use. Without them similarity is lexical (stems only). */
  embeddings?: EmbeddingsLoader
  /**
   * Similarity (after any chance correction) below which two different words count as
   * unrelated. Default 0.5: raw cosines under it are mostly noise between unrelated words.
   */
  minWordSimilarity?: number
  /**
   * The cosine of two unrelated words, c: word similarity becomes (cos - c) / (1 - c). `'estimate'`
   * measures one c on the vectors, over common words (frequency ranks 100 to 10,100, where answers
   * draw most of their words; about 0.17 for wink). `'per-word'` gives each word its own chance
   * level, its mean cosine with 1,000 common words, and uses the mean of the pair's: some words
   * ("hubs") are close to everything and would otherwise match anything (the idea of CSLS,
   * Conneau et al. 2018). Default 0: raw cosine.
   */
  chanceCosine?: number | 'estimate' | 'per-word'
  /**
   * Weight of a term, by stem and word. Default: `createZipfWeight` (an IDF from frequency rank)
   * with vectors, 1 without. The grading core uses equal weights instead: on the Mohler benchmark
   * (docs/benchmarks.md) they did better than either IDF.
   */
  termWeight?: (stem: string, word: string) => number
}

/** A term matched with score >= this counts as "matched" in coverage reports. */
const MATCHED = 0.5

/** Credit for a probable misspelling of a word: nearly the word itself. */
const MISSPELLING = 0.9

const NUMBER_WORDS = new Map(
  'zero one two three four five six seven eight nine ten'.split(' ').map((w, i) => [w, String(i)]),
)

/** Texts whose terms an analyzer keeps: several questions' reference texts and recent answers. */
const MAX_CACHED_TERMS = 4096
const MAX_CACHED_TERM_CHARS = 1_000_000

/**
 * A text's terms as the lexical alignment looks them up: their stems, and their words of five
 * letters or more (the shortest a misspelling is credited at) by length. Kept with the (cached,
 * never changed) terms array.
 */
type LexicalIndex = { stems: ReadonlySet<string>; byLength: ReadonlyMap<number, string[]> }
const LEXICAL_INDEXES = new WeakMap<readonly Term[], LexicalIndex>()
function lexicalIndexOf(terms: readonly Term[]): LexicalIndex {
  let index = LEXICAL_INDEXES.get(terms)
  if (!index) {
    const byLength = new Map<number, string[]>()
    for (const t of terms) {
      if (t.word.length < 5) continue
      const same = byLength.get(t.word.length)
      if (same) same.push(t.word)
      else byLength.set(t.word.length, [t.word])
    }
    index = { stems: new Set(terms.map((t) => t.stem)), byLength }
    LEXICAL_INDEXES.set(terms, index)
  }
  return index
}
const stemsOf = (terms: readonly Term[]): ReadonlySet<string> => lexicalIndexOf(terms).stems

/** Whether a word of the index is one edit from `word` (isOneEditApart: lengths within one). */
function hasOneEditFrom(index: LexicalIndex, word: string): boolean {
  for (let length = word.length - 1; length <= word.length + 1; length++) {
    const words = index.byLength.get(length)
    if (words) for (const w of words) if (isOneEditApart(word, w)) return true
  }
  return false
}

/** Builds a text analyzer; cheap until the first call that needs word vectors. */
export function createTextAnalyzer(options: TextAnalyzerOptions = {}): TextAnalyzer {
  const stem = createStemmer()
  const minSimilarity = options.minWordSimilarity ?? 0.5
  const loader = options.embeddings
  const vectors = (): WordEmbeddings | undefined => loader?.load()
  const mode = options.chanceCosine
  let chance = typeof mode === 'number' ? mode : mode === undefined ? 0 : undefined
  const chanceOf = (e: WordEmbeddings) => (chance ??= estimateChanceCosine(e, 100, 10_000))
  const wordChance = new Map<string, number>()
  let common: { sum: Float64Array; count: number } | undefined
  /**
   * A word's own chance cosine: its mean cosine with common words ('per-word' mode). The mean of
   * dot products is the dot product with the sum of the common vectors, so each new word costs
   * one dot product instead of 1,000 (those cosines were most of a long transcript's grading
   * time); it equals the per-pair loop to within 1e-15 (double rounding), far below the float32
   * resolution of the similarity matrix.
   */
  const baselineOf = (e: WordEmbeddings, word: string, v: Float32Array): number => {
    if (mode !== 'per-word') return chanceOf(e)
    let c = wordChance.get(word)
    if (c === undefined) {
      common ??= sumOfVectors(sampleCommonVectors(e), e.dimensions)
      c = 0
      for (let i = 0; i < v.length; i++) c += v[i]! * common.sum[i]!
      c /= common.count || 1
      wordChance.set(word, c)
    }
    return c
  }
  const weightOf = options.termWeight ?? (loader ? createZipfWeight(loader) : () => 1)

  const nullWords: string[] = []
  let nullRank = 1000

  const tokens = (text: string) =>
    tokenizeWords(text)
      .map((t) => NUMBER_WORDS.get(t.word) ?? t.word)
      .filter((w) => !STOP_WORDS.has(w))

  // Reference texts (model answers, rubric, a question's step texts and exemplars) are analysed
  // again and again: every coverage map reads all of its question's, about 70, once per passage.
  // Least recently used out: the 64 kept first-in-first-out until 2026-12-03 were fewer than a
  // map's working set, so each passage analysed every reference text afresh.
  const recentTerms = new BoundedLru<Term[]>(MAX_CACHED_TERMS, MAX_CACHED_TERM_CHARS)
  const terms = (text: string): Term[] => {
    const cached = recentTerms.get(text)
    if (cached) return cached
    const result = analyseTerms(text)
    recentTerms.set(text, result)
    return result
  }

  const analyseTerms = (text: string): Term[] => {
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
    if ((!va || !vb) && isOneEditApart(a.word, b.word)) return MISSPELLING
    if (!e || !va || !vb) return 0
    const c = (baselineOf(e, a.word, va) + baselineOf(e, b.word, vb)) / 2
    const corrected = (cosineUnit(va, vb) - c) / (1 - c)
    return corrected > 0 && corrected >= minSimilarity ? corrected : 0
  }

  // The hot loop of every coverage: vectors are looked up once per term, not once per pair,
  // and the result equals the best wordSimilarity of each `from` term over `to`.
  const align = (from: Term[], to: Term[]): number[] => {
    const e = vectors()
    if (!e) return alignLexical(from, to)
    const toVectors = to.map((t) => e?.vector(t.word))
    const toChance = to.map((t, j) => (e && toVectors[j] ? baselineOf(e, t.word, toVectors[j]) : 0))
    return from.map((r) => {
      const vr = e?.vector(r.word)
      const rChance = e && vr ? baselineOf(e, r.word, vr) : 0
      let best = 0
      for (let j = 0; j < to.length && best < 1; j++) {
        const t = to[j]!
        if (t.stem === r.stem) {
          best = 1
          break
        }
        const vt = toVectors[j]
        if (!vr || !vt) {
          if (isOneEditApart(r.word, t.word)) best = Math.max(best, MISSPELLING)
          continue
        }
        const c = (rChance + toChance[j]!) / 2
        const corrected = (cosineUnit(vr, vt) - c) / (1 - c)
        if (corrected > best && corrected >= minSimilarity) best = corrected
      }
      return best
    })
  }

  /**
   * `align` without word vectors (the coverage maps' stems-only analyzer): a term scores 1 when
   * `to` has its stem, else MISSPELLING when a word of `to` is one edit from it, else 0, which is
   * what the loop above gives without vectors, found by one set lookup instead of a scan of `to`
   * and, for the misspelling, among the words of `to` of about its length only.
   */
  const alignLexical = (from: Term[], to: Term[]): number[] => {
    const index = lexicalIndexOf(to)
    return from.map((r) => {
      if (index.stems.has(r.stem)) return 1
      // isOneEditApart needs five letters or more.
      if (r.word.length < 5) return 0
      return hasOneEditFrom(index, r.word) ? MISSPELLING : 0
    })
  }

  /** The weighted share of `reference` that `answer` covers (coverage's score alone). */
  const coverageScore = (
    answer: Term[],
    reference: Term[],
    demoted: ReadonlySet<string>,
    factor: number,
  ): { score: number; best: number[] } => {
    const best = align(reference, answer)
    let total = 0
    let got = 0
    reference.forEach((r, i) => {
      const w = demoted.has(r.stem) ? r.weight * factor : r.weight
      total += w
      got += w * best[i]!
    })
    return { score: total > 0 ? got / total : 0, best }
  }

  /**
   * Coverage with its matched and missing terms, which are sorted only when read: the coverage
   * map reads the score alone, about ten coverages a passage.
   */
  const coverageOf = (
    answer: Term[],
    reference: Term[],
    demoted: ReadonlySet<string>,
    factor: number,
  ): Coverage => {
    const { score, best } = coverageScore(answer, reference, demoted, factor)
    let lists: { matched: string[]; missing: string[] } | undefined
    const listsOf = () => {
      if (lists) return lists
      const order = reference
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => !demoted.has(r.stem) || factor > 0)
        .sort((x, y) => y.r.weight - x.r.weight)
      lists = {
        matched: order.filter(({ i }) => best[i]! >= MATCHED).map(({ r }) => r.word),
        missing: order.filter(({ i }) => best[i]! < MATCHED).map(({ r }) => r.word),
      }
      return lists
    }
    return {
      score,
      get matchedTerms() {
        return listsOf().matched
      },
      get missingTerms() {
        return listsOf().missing
      },
    }
  }

  const NO_STEMS: ReadonlySet<string> = new Set()

  return {
    tokens,
    terms,
    wordSimilarity,
    coverage(answer, reference, opts = {}) {
      const demoted = opts.demote ? stemsOf(terms(opts.demote)) : NO_STEMS
      const answerTerms = terms(answer)
      const referenceTerms = terms(reference)
      // A reference made only of the question's words ("By rows" to "by rows or by columns?")
      // would have nothing left to cover: then no word is demoted.
      const allDemoted = referenceTerms.every((t) => demoted.has(t.stem))
      const kept = allDemoted ? NO_STEMS : demoted
      return coverageOf(answerTerms, referenceTerms, kept, opts.demoteFactor ?? 0)
    },
    similarity(a, b) {
      const ta = terms(a)
      const tb = terms(b)
      const recall = coverageScore(ta, tb, NO_STEMS, 0).score
      const precision = coverageScore(tb, ta, NO_STEMS, 0).score
      return recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0
    },
    chanceCoverage(reference, termCount, opts = {}) {
      const e = vectors()
      if (!e || termCount <= 0) return 0
      while (nullWords.length < termCount && nullRank < e.size) {
        const word = e.wordAt(nullRank)
        nullRank += 37
        if (word && /^[a-z]{3,}$/.test(word) && !STOP_WORDS.has(word)) nullWords.push(word)
      }
      return this.coverage(nullWords.slice(0, termCount).join(' '), reference, opts).score
    },
    similarityMatrix(rows, columns) {
      // Each term's vector is looked up once and copied next to the others, so the dot products
      // run over two flat arrays, eight at a time (dot-products.ts): same figures, about half
      // the time of a grade's largest cost.
      const e = vectors()
      const pack = (terms: readonly Term[]) => {
        const dims = e?.dimensions ?? 0
        const flat = new Float32Array(terms.length * dims)
        const has = new Uint8Array(terms.length)
        const chance = new Float64Array(terms.length)
        terms.forEach((t, k) => {
          const v = e?.vector(t.word)
          if (!e || !v) return
          flat.set(v, k * dims)
          has[k] = 1
          chance[k] = baselineOf(e, t.word, v)
        })
        return { flat, has, chance }
      }
      const r = pack(rows)
      const c = pack(columns)
      const width = columns.length
      const out = new Float32Array(rows.length * width)
      const dots = new Float64Array(width)
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!
        const rowHas = r.has[i] === 1
        if (rowHas) dotsAgainstMany(r.flat, i, c.flat, width, e!.dimensions, dots)
        for (let j = 0; j < width; j++) {
          const t = columns[j]!
          let sim = 0
          if (t.stem === row.stem) sim = 1
          else if (!rowHas || c.has[j] !== 1)
            sim = isOneEditApart(row.word, t.word) ? MISSPELLING : 0
          else {
            const chance = (r.chance[i]! + c.chance[j]!) / 2
            const corrected = (dots[j]! - chance) / (1 - chance)
            sim = corrected > 0 && corrected >= minSimilarity ? corrected : 0
          }
          out[i * width + j] = sim
        }
      }
      return out
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
