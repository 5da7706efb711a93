import { describe, expect, it } from 'vitest'
import { keepReturn } from '../../../server/interview/keep-return.js'

/** Yields 1, 2, 3 and returns 'end'; `log` records how far it got and whether it was closed. */
function counted(log: string[]) {
  return (async function* () {
    try {
      for (let n = 1; n <= 3; n++) {
        log.push(`yield ${n}`)
        yield n
      }
      return 'end'
    } finally {
      log.push('closed')
    }
  })()
}

describe('keepReturn', () => {
  it('gives the yields to for-await and keeps the return value', async () => {
    const log: string[] = []
    const run = keepReturn(counted(log))
    const seen: number[] = []
    for await (const n of run.values) seen.push(n)
    expect(seen).toEqual([1, 2, 3])
    expect(run.result).toBe('end')
  })

  it('closes the generator when the loop throws midway: it reads nothing further', async () => {
    // Stepping with next() by hand left the generator suspended at its yield, never closed.
    const log: string[] = []
    const run = keepReturn(counted(log))
    await expect(
      (async () => {
        for await (const n of run.values) if (n === 2) throw new Error('reader failed')
      })(),
    ).rejects.toThrow('reader failed')
    expect(log).toEqual(['yield 1', 'yield 2', 'closed'])
    expect(() => run.result).toThrow('not returned')
  })
})
