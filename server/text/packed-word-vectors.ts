import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { encodeFloat16Array, float16Table } from './float16.js'
import type { WordEmbeddings } from './word-embeddings.js'

/**
 * Word vectors packed into one binary file, read in a single pass into one SharedArrayBuffer, so
 * every thread of the process (the main thread, the grading worker, the coverage workers) reads
 * the same bytes: no parsing at start and no per-thread copy, not even of the word index.
 *
 * The vectors are stored in half precision (float16.ts): 68 MB instead of 137 MB for wink's
 * 341,479 x 100 (the vectors alone; with the word index the pack is 76 MB, was 145 MB), the
 * largest part of the server's resident memory. A lookup decodes the word's
 * vector into a fresh Float32Array; cosines move by about 2e-5 on average (1.3e-4 at most over
 * 200,000 random pairs), far below the 0.5 similarity threshold's resolution.
 *
 * Layout, little-endian, every section 4-byte aligned:
 *   header (64 bytes): magic, dimensions, words, word-byte count, hash slots, source size
 *   vectors   Float16 [words x dimensions] (Uint16 bit patterns), unit length, in frequency-rank
 *             order, padded to 4 bytes
 *   offsets   Uint32  [words + 1]: where each word's UTF-8 bytes start in `bytes`
 *   slots     Int32   [hash slots]: open addressing (FNV-1a, linear probing), rank or -1
 *   bytes     UTF-8 of every word, back to back
 *
 * The magic names the format: SPRVEC01 was the float32 pack. A pack of another format fails the
 * header check and is rebuilt, never read as this one.
 */
const MAGIC = 'SPRVEC02'
/** The format in a pack file's name, so servers of the float32 format can share the cache. */
export const PACK_FORMAT = 'f16'
const HEADER_BYTES = 64
const VECTOR_BYTES = 2

const HeaderSchema = z.object({
  magic: z.literal(MAGIC),
  dimensions: z.number().int().min(1).max(4096),
  words: z.number().int().min(0),
  wordBytes: z.number().int().min(0),
  slots: z
    .number()
    .int()
    .min(1)
    .refine((n) => (n & (n - 1)) === 0, 'hash slots must be a power of two'),
  sourceBytes: z.number().int().min(0),
})
export type PackedHeader = z.infer<typeof HeaderSchema>

export class PackedVectorsError extends Error {}

type Layout = { vectors: number; offsets: number; slots: number; bytes: number; total: number }

function layoutOf(h: Omit<PackedHeader, 'magic' | 'sourceBytes'>): Layout {
  const vectors = HEADER_BYTES
  const offsets = vectors + align4(h.words * h.dimensions * VECTOR_BYTES)
  const slots = offsets + (h.words + 1) * 4
  const bytes = slots + h.slots * 4
  return { vectors, offsets, slots, bytes, total: bytes + h.wordBytes }
}

const align4 = (n: number) => Math.ceil(n / 4) * 4

/**
 * Packs unit vectors (rank order, float32) and their words, the vectors rounded to half
 * precision; the first of duplicate words wins.
 */
export function packWordVectors(
  store: Float32Array,
  words: readonly string[],
  dimensions: number,
  sourceBytes: number,
): SharedArrayBuffer {
  const encoded = words.map((w) => Buffer.from(w, 'utf8'))
  const wordBytes = encoded.reduce((n, b) => n + b.length, 0)
  let slots = 1
  while (slots < words.length * 2) slots *= 2
  const header: PackedHeader = {
    magic: MAGIC,
    dimensions,
    words: words.length,
    wordBytes,
    slots,
    sourceBytes,
  }
  const layout = layoutOf(header)
  const buffer = new SharedArrayBuffer(layout.total)
  writeHeader(buffer, header)
  encodeFloat16Array(
    store.subarray(0, words.length * dimensions),
    new Uint16Array(buffer, layout.vectors, words.length * dimensions),
  )
  const offsets = new Uint32Array(buffer, layout.offsets, words.length + 1)
  const bytes = new Uint8Array(buffer, layout.bytes, wordBytes)
  let at = 0
  encoded.forEach((b, i) => {
    offsets[i] = at
    bytes.set(b, at)
    at += b.length
  })
  offsets[words.length] = at
  const table = new Int32Array(buffer, layout.slots, slots).fill(-1)
  encoded.forEach((b, rank) => {
    let slot = fnv1a(b, 0, b.length) & (slots - 1)
    for (;;) {
      const there = table[slot]!
      if (there === -1) {
        table[slot] = rank
        return
      }
      if (sameBytes(bytes, offsets[there]!, offsets[there + 1]!, b)) return
      slot = (slot + 1) & (slots - 1)
    }
  })
  return buffer
}

function writeHeader(buffer: SharedArrayBuffer, h: PackedHeader) {
  const view = new DataView(buffer, 0, HEADER_BYTES)
  for (let i = 0; i < MAGIC.length; i++) view.setUint8(i, MAGIC.charCodeAt(i))
  view.setUint32(8, h.dimensions, true)
  view.setUint32(12, h.words, true)
  view.setUint32(16, h.wordBytes, true)
  view.setUint32(20, h.slots, true)
  view.setFloat64(24, h.sourceBytes, true)
}

/** Reads and checks the header; throws PackedVectorsError when the buffer is not a whole pack. */
export function readPackedHeader(
  buffer: ArrayBufferLike,
  byteLength = buffer.byteLength,
): PackedHeader {
  if (byteLength < HEADER_BYTES) throw new PackedVectorsError('word vector pack: file too short')
  const view = new DataView(buffer, 0, HEADER_BYTES)
  const parsed = HeaderSchema.safeParse({
    magic: String.fromCharCode(...new Uint8Array(buffer, 0, MAGIC.length)),
    dimensions: view.getUint32(8, true),
    words: view.getUint32(12, true),
    wordBytes: view.getUint32(16, true),
    slots: view.getUint32(20, true),
    sourceBytes: view.getFloat64(24, true),
  })
  if (!parsed.success) {
    throw new PackedVectorsError(`word vector pack: bad header (${parsed.error.message})`)
  }
  const total = layoutOf(parsed.data).total
  if (total !== byteLength) {
    throw new PackedVectorsError(
      `word vector pack: ${byteLength} bytes, the header says ${total} (truncated or damaged)`,
    )
  }
  return parsed.data
}

/**
 * Word embeddings over a pack: nothing is copied up front; a lookup reads the shared bytes and
 * decodes that one word's vector (100 table reads, well under a microsecond).
 */
export function embeddingsFromPack(buffer: SharedArrayBuffer): WordEmbeddings {
  const header = readPackedHeader(buffer)
  const layout = layoutOf(header)
  const { dimensions, words: size } = header
  const halves = new Uint16Array(buffer, layout.vectors, size * dimensions)
  const decode = float16Table()
  const offsets = new Uint32Array(buffer, layout.offsets, size + 1)
  const table = new Int32Array(buffer, layout.slots, header.slots)
  const bytes = new Uint8Array(buffer, layout.bytes, header.wordBytes)
  const mask = header.slots - 1
  const scratch = new Uint8Array(256)
  const encoder = new TextEncoder()

  const rankOf = (word: string): number | undefined => {
    let key = scratch
    let length = word.length
    let ascii = length <= scratch.length
    for (let i = 0; ascii && i < length; i++) {
      const c = word.charCodeAt(i)
      if (c >= 0x80) ascii = false
      else scratch[i] = c
    }
    if (!ascii) {
      key = encoder.encode(word)
      length = key.length
    }
    let slot = fnv1a(key, 0, length) & mask
    for (;;) {
      const rank = table[slot]!
      if (rank === -1) return undefined
      const from = offsets[rank]!
      const to = offsets[rank + 1]!
      if (to - from === length) {
        let same = true
        for (let i = 0; same && i < length; i++) same = bytes[from + i] === key[i]
        if (same) return rank
      }
      slot = (slot + 1) & mask
    }
  }
  const decoded = new Map<number, string>()
  return {
    dimensions,
    size,
    vector(word) {
      const rank = rankOf(word)
      if (rank === undefined) return undefined
      const vector = new Float32Array(dimensions)
      const from = rank * dimensions
      for (let i = 0; i < dimensions; i++) vector[i] = decode[halves[from + i]!]!
      return vector
    },
    // Words are stored in descending corpus frequency, so the store index is the rank.
    rank: rankOf,
    wordAt(rank) {
      if (!Number.isInteger(rank) || rank < 0 || rank >= size) return undefined
      let word = decoded.get(rank)
      if (word === undefined) {
        word = Buffer.from(
          buffer,
          layout.bytes + offsets[rank]!,
          offsets[rank + 1]! - offsets[rank]!,
        ).toString('utf8')
        if (decoded.size < 20_000) decoded.set(rank, word)
      }
      return word
    },
  }
}

/** Reads a pack file into a SharedArrayBuffer in one pass; checks it is whole. */
export function readPackFile(path: string): SharedArrayBuffer {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const buffer = new SharedArrayBuffer(size)
    const target = new Uint8Array(buffer)
    let at = 0
    while (at < size) {
      const n = readSync(fd, target, at, Math.min(64 << 20, size - at), at)
      if (n === 0) break
      at += n
    }
    readPackedHeader(buffer, at)
    return buffer
  } finally {
    closeSync(fd)
  }
}

/**
 * Reads a pack file like `readPackFile`, on libuv's thread pool. Most of a read's cost on these
 * machines is the kernel touching fresh memory for the first time (40-50 ms for the 76 MB
 * half-precision pack from the page cache, 2 cores at load 4.5; about 1 s for the 145 MB float32
 * one at the time, whether read or merely filled), and in a pool thread that cost does not stop
 * the event loop: the server listens and answers while the vectors come in.
 */
export async function readPackFileInBackground(path: string): Promise<SharedArrayBuffer> {
  const file = await open(path, 'r')
  try {
    const size = (await file.stat()).size
    const buffer = new SharedArrayBuffer(size)
    const target = new Uint8Array(buffer)
    let at = 0
    while (at < size) {
      const { bytesRead } = await file.read(target, at, Math.min(16 << 20, size - at), at)
      if (bytesRead === 0) break
      at += bytesRead
    }
    readPackedHeader(buffer, at)
    return buffer
  } finally {
    await file.close()
  }
}

/** The header of a pack file, read alone (64 bytes) and checked against the file's size. */
export function readPackFileHeader(path: string): PackedHeader {
  const fd = openSync(path, 'r')
  try {
    const head = new Uint8Array(HEADER_BYTES)
    const n = readSync(fd, head, 0, HEADER_BYTES, 0)
    return readPackedHeader(head.buffer, n < HEADER_BYTES ? n : fstatSync(fd).size)
  } finally {
    closeSync(fd)
  }
}

/** Writes a pack atomically (a temporary file renamed), so a reader never sees half a file. */
export function writePackFile(path: string, buffer: SharedArrayBuffer): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, new Uint8Array(buffer))
  renameSync(temporary, path)
}

function fnv1a(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) {
    h ^= b[i]!
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function sameBytes(bytes: Uint8Array, from: number, to: number, b: Uint8Array): boolean {
  if (to - from !== b.length) return false
  for (let i = 0; i < b.length; i++) if (bytes[from + i] !== b[i]) return false
  return true
}
