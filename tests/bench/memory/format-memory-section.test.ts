import { describe, expect, it } from 'vitest'
import {
  formatMemorySection,
  MEMORY_SECTION,
  type MemoryPhase,
} from '../../../bench/memory/format-memory-section.js'

const MB = 2 ** 20
const phase = (label: string, rssMb: number): MemoryPhase => {
  const median = {
    rss: rssMb * MB,
    anon: (rssMb - 50) * MB,
    file: 50 * MB,
    shmem: 0,
    peak: rssMb * MB,
    threads: 14,
  }
  return { label, median, minRss: median.rss - MB, maxRss: median.rss + MB }
}
const heap = (mb: number) => ({ committed: mb * MB, used: mb * MB * 0.8, young: 2 * MB })
const run = (lastRssMb: number) => ({
  phases: [
    phase('idle, after start', 240),
    phase('10 sessions open', 241),
    phase('10 sessions, one answer each', 244),
    phase('110 sessions open (100 more)', lastRssMb),
  ],
  sessions: 10,
  furtherSessions: 100,
  // 2.5 MB more heap used at the end (0.8 x (30 + 15 + 33 + 16) MB against 0.8 x 90.875 MB).
  heapsBefore: { main: heap(26.875), workers: [heap(15), heap(33), heap(16)] },
  heaps: { main: heap(30), workers: [heap(15), heap(33), heap(16)] },
  vectorBytes: 73 * MB,
  coverageWorkers: 2,
  peak: 250 * MB,
})

describe('formatMemorySection', () => {
  const section = formatMemorySection(run(245), {
    date: '2026-12-02',
    machine: '2 x CPU, Node v20',
    command: 'npm run bench:memory',
    start: 'node --max-semi-space-size=4 scripts/start.mjs',
    loadBefore: 1.5,
    windowMs: 5000,
  })

  it('starts with its heading and names the command, the start script and the load', () => {
    expect(section.startsWith(`${MEMORY_SECTION}\n`)).toBe(true)
    expect(section).toContain('`node --max-semi-space-size=4 scripts/start.mjs`')
    expect(section).toContain('Run: `npm run bench:memory` (2026-12-02, 2 x CPU, Node v20')
    expect(section).toContain('load average before the run 1.50')
  })

  it('says its MB are 2^20 bytes, with the vector pack in both units', () => {
    // The pack is "76 MB" (decimal) in the README and the loader, 72.9 of these MB here.
    expect(section).toContain('A MB here is 2^20 bytes')
    expect(section).toContain('the word vectors\' pack, 76.5 million bytes (its "77 MB"')
    expect(section).toContain('is 73.0 MB of them')
  })

  it('gives each state its median and range, and the memory per session, first and further', () => {
    expect(section).toContain(
      '| idle, after start | **240.0 MB** (239.0 MB to 241.0 MB) | 190.0 MB',
    )
    // (241 - 240) MB over 10 sessions, then (245 - 244) MB and 2.5 MB of heap over 100 more.
    expect(section).toContain('**102 KB** for the first 10')
    expect(section).toContain('for each of the next 100, **10 KB** of RSS')
    expect(section).toContain('**26 KB** of V8 heap used, all isolates')
  })

  it('says RSS did not grow, rather than giving a negative size, when it fell', () => {
    const fell = formatMemorySection(run(243), {
      date: '2026-12-03',
      machine: 'm',
      command: 'c',
      start: 's',
      loadBefore: 1,
      windowMs: 5000,
    })
    expect(fell).toContain('no RSS growth (it fell by 1.0 MB')
    expect(fell).not.toMatch(/\*\*-/)
  })

  it('splits the last RssAnon into vectors, heaps and the rest, heaps largest first', () => {
    expect(section).toContain(
      '| word vectors: one SharedArrayBuffer read by every thread (half precision) | 73.0 MB |',
    )
    expect(section).toContain('| V8 heaps of the 4 isolates (below) | 94.0 MB |')
    // 195 MB of RssAnon - 94 MB of heaps - 73 MB of vectors.
    expect(section).toContain('| 28.0 MB |')
    const workers = [...section.matchAll(/\| worker \d \| ([\d.]+) MB/g)].map((m) => Number(m[1]))
    expect(workers).toEqual([33, 16, 15])
  })
})
