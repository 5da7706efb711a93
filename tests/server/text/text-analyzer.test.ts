import { describe, expect, it } from 'vitest'
import { createTextAnalyzer } from '../../../server/text/text-analyzer.js'
import type { EmbeddingsLoader } from '../../../server/text/wink-embeddings-loader.js'
import { createInMemoryEmbeddings } from '../../../server/text/word-embeddings.js'

/** Tiny vectors: lock ~ mutex, cache ~ memo; the rest orthogonal. */
function smallLoader(): EmbeddingsLoader & { loads: number } {
  const loader = {
    loads: 0,
    stats: undefined,
    load() {
      loader.loads++
      return createInMemoryEmbeddings({
        lock: [1, 0.1, 0, 0],
        mutex: [1, 0.2, 0, 0],
        cache: [0, 0, 1, 0.2],
        memo: [0, 0, 1, 0.3],
        payment: [0, 1, 0, 0],
        banana: [0, 0, 0, 1],
      })
    },
  }
  return loader
}

describe('createTextAnalyzer', () => {
  it('drops stop words from tokens', () => {
    const analyzer = createTextAnalyzer()
    expect(analyzer.tokens('We would use a lock because of the race')).toEqual([
      'use',
      'lock',
      'race',
    ])
  })

  it('matches inflections through stems without vectors', () => {
    const analyzer = createTextAnalyzer()
    const result = analyzer.coverage('caching the locked rows', 'cache rows with locks and retries')
    expect(result.matchedTerms.sort()).toEqual(['cache', 'locks', 'rows'])
    expect(result.missingTerms).toEqual(['retries'])
    expect(result.score).toBeCloseTo(3 / 4)
  })

  it('credits close words through vectors, not unrelated ones', () => {
    const analyzer = createTextAnalyzer({ embeddings: smallLoader(), termWeight: () => 1 })
    expect(analyzer.coverage('a mutex', 'lock').score).toBeGreaterThan(0.9)
    expect(analyzer.coverage('banana', 'lock').score).toBe(0)
  })

  it('demotes words that merely repeat the question', () => {
    const analyzer = createTextAnalyzer()
    const plain = analyzer.coverage('payment retries', 'payment retries need idempotency keys')
    const demoted = analyzer.coverage('payment retries', 'payment retries need idempotency keys', {
      demote: 'Why do payment retries fail?',
    })
    expect(demoted.score).toBeLessThan(plain.score)
    expect(demoted.score).toBe(0)
  })

  it('keeps similarity symmetric and within [0, 1]', () => {
    const analyzer = createTextAnalyzer({ embeddings: smallLoader() })
    const a = 'use a mutex around the payment'
    const b = 'lock the payment row and cache the result'
    expect(analyzer.similarity(a, b)).toBeCloseTo(analyzer.similarity(b, a))
    expect(analyzer.similarity(a, b)).toBeGreaterThan(0)
    expect(analyzer.similarity(a, b)).toBeLessThanOrEqual(1)
    expect(analyzer.similarity(a, a)).toBeCloseTo(1)
    expect(analyzer.similarity('', a)).toBe(0)
  })

  it('loads vectors lazily and only through the injected loader', () => {
    const loader = smallLoader()
    const analyzer = createTextAnalyzer({ embeddings: loader })
    expect(loader.loads).toBe(0)
    analyzer.similarity('lock', 'mutex')
    expect(loader.loads).toBeGreaterThan(0)
  })

  it('gives a higher centroid similarity to related texts', () => {
    const analyzer = createTextAnalyzer({ embeddings: smallLoader() })
    expect(analyzer.centroidSimilarity('mutex', 'lock')).toBeGreaterThan(
      analyzer.centroidSimilarity('banana', 'lock'),
    )
  })
})

describe('word similarity refinements', () => {
  it('credits a misspelling one edit away and number words as digits', () => {
    const analyzer = createTextAnalyzer()
    expect(analyzer.coverage('pass by refrence', 'by reference').score).toBeCloseTo(0.9)
    expect(analyzer.coverage('only one element', 'size 1').matchedTerms).toEqual(['1'])
  })

  it('corrects cosine for chance, so unrelated-but-not-orthogonal words earn nothing', () => {
    const loader: EmbeddingsLoader = {
      stats: undefined,
      load: () =>
        createInMemoryEmbeddings({ lock: [1, 0, 0], mutex: [0.9, 0.3, 0], banana: [0.3, 0, 0.95] }),
    }
    const raw = createTextAnalyzer({
      embeddings: loader,
      minWordSimilarity: 0,
      termWeight: () => 1,
    })
    const corrected = createTextAnalyzer({
      embeddings: loader,
      chanceCosine: 0.4,
      minWordSimilarity: 0,
      termWeight: () => 1,
    })
    expect(raw.coverage('banana', 'lock').score).toBeGreaterThan(0.2)
    expect(corrected.coverage('banana', 'lock').score).toBe(0)
    expect(corrected.coverage('mutex', 'lock').score).toBeGreaterThan(0.8)
  })
})

describe('per-word chance levels', () => {
  it('discounts a hub word that is close to every word', () => {
    // "thing" sits near the common words and near "lock"; "mutex" is close to "lock" alone.
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const common = Array.from(
      { length: 40 },
      (_, i) => `common${letters[i % 26]}${letters[Math.floor(i / 26)]}`,
    )
    const vectors: Record<string, number[]> = {
      lock: [1, 0, 0, 0],
      mutex: [0.95, 0.31, 0, 0],
      thing: [0.7, 0.5, 0.5, 0.1],
    }
    common.forEach((w, i) => (vectors[w] = [0.5, 0.6, 0.6, (i % 3) / 10]))
    // Ranks: the three words first, then common words from rank 100 on (where the sample is taken).
    const ranks = ['lock', 'mutex', 'thing', ...Array.from({ length: 97 }, (_, i) => `filler${i}`)]
    for (let i = 0; i < 400; i++) ranks.push(common[i % common.length]!)
    const loader: EmbeddingsLoader = {
      stats: undefined,
      load: () => createInMemoryEmbeddings(vectors, ranks),
    }
    const options = { embeddings: loader, minWordSimilarity: 0, termWeight: () => 1 }
    const raw = createTextAnalyzer({ ...options, chanceCosine: 0 })
    const perWord = createTextAnalyzer({ ...options, chanceCosine: 'per-word' })
    expect(raw.coverage('thing', 'lock').score).toBeGreaterThan(0.6)
    expect(perWord.coverage('thing', 'lock').score).toBeLessThan(
      raw.coverage('thing', 'lock').score / 2,
    )
    expect(perWord.coverage('mutex', 'lock').score).toBeGreaterThan(0.8)
  })
})

describe('similarityMatrix', () => {
  it('holds exactly wordSimilarity of every pair, with per-word chance and words out of vocabulary', () => {
    const words = 'lock mutex cache memo payment banana locks paymnet zebra lockk caches'.split(' ')
    const ranks = [
      ...words,
      ...Array.from({ length: 200 }, (_, i) => ['lock', 'cache', 'banana'][i % 3]!),
    ]
    const loader: EmbeddingsLoader = {
      stats: undefined,
      load: () =>
        createInMemoryEmbeddings(
          {
            lock: [1, 0.1, 0, 0.3],
            mutex: [1, 0.2, 0.1, 0],
            cache: [0, 0.2, 1, 0.2],
            memo: [0.1, 0, 1, 0.3],
            payment: [0, 1, 0.2, 0],
            banana: [0.3, 0.1, 0, 1],
          },
          ranks,
        ),
    }
    const analyzer = createTextAnalyzer({
      embeddings: loader,
      chanceCosine: 'per-word',
      minWordSimilarity: 0,
      termWeight: () => 1,
    })
    // "paymnet" and "lockk" are out of vocabulary and one edit from a word; "zebra" matches nothing.
    const rows = analyzer.terms('lock cache payment banana zebra memo')
    const columns = analyzer.terms('mutex memo paymnet lockk locks caches banana zebra cache')
    const matrix = analyzer.similarityMatrix(rows, columns)
    expect(matrix.length).toBe(rows.length * columns.length)
    rows.forEach((r, i) =>
      columns.forEach((c, j) =>
        expect(matrix[i * columns.length + j]).toBe(Math.fround(analyzer.wordSimilarity(r, c))),
      ),
    )
    expect(new Set(matrix).size).toBeGreaterThan(3)
  })
})
