import { describe, expect, it } from 'vitest'
import {
  medianSample,
  parseProcStatus,
  type ProcMemory,
} from '../../../bench/memory/proc-memory.js'

const STATUS = `Name:\tnode
VmPeak:\t 1234567 kB
VmHWM:\t  300308 kB
VmRSS:\t  278300 kB
RssAnon:\t  226200 kB
RssFile:\t   52100 kB
RssShmem:\t       0 kB
Threads:\t14
`

describe('parseProcStatus', () => {
  it('reads the resident set and its parts in bytes', () => {
    expect(parseProcStatus(STATUS)).toEqual({
      rss: 278300 * 1024,
      anon: 226200 * 1024,
      file: 52100 * 1024,
      shmem: 0,
      peak: 300308 * 1024,
      threads: 14,
    })
  })

  it('refuses a status without a field it needs, instead of reading it as zero', () => {
    expect(() => parseProcStatus(STATUS.replace(/RssAnon.*\n/, ''))).toThrow(/RssAnon/)
  })

  it('reads this very process', async () => {
    const { readProcMemory } = await import('../../../bench/memory/proc-memory.js')
    const mine = readProcMemory(process.pid)
    expect(mine.rss).toBeGreaterThan(0)
    expect(mine.anon + mine.file + mine.shmem).toBe(mine.rss)
  })
})

describe('medianSample', () => {
  const at = (rss: number) => ({ rss }) as ProcMemory
  it('takes the middle sample by RSS, the lower one of an even count', () => {
    expect(medianSample([at(5), at(1), at(3)]).rss).toBe(3)
    expect(medianSample([at(4), at(1), at(3), at(2)]).rss).toBe(2)
    expect(() => medianSample([])).toThrow()
  })
})
