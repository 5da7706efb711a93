import { describe, expect, it } from 'vitest'
import { defaultLevels, parseBenchArgs } from '../../../bench/stream/bench-args.js'

describe('defaultLevels', () => {
  it('climbs six levels from 25 to the N making the tokens a second of 800 streams at 20 tokens/s', () => {
    expect(defaultLevels(20)).toEqual([25, 50, 100, 200, 400, 800])
    expect(defaultLevels(5)).toEqual([25, 66, 170, 460, 1200, 3200])
    expect(defaultLevels(50)).toEqual([25, 42, 69, 120, 190, 320])
  })
})

describe('parseBenchArgs', () => {
  it('defaults to both speeds, every mode, the burst, and writing the report', () => {
    const o = parseBenchArgs([])
    expect(o.speeds).toEqual([20, 5])
    expect(o.modes).toEqual(['direct', 'relay', 'sparring'])
    expect(o.levels).toBeNull()
    expect(o.burst).toEqual({ clients: 200, rampMs: 1000 })
    expect(o.limitMs).toBe(20)
    expect(o.retries).toBe(1)
    expect(o.refine).toBe(3)
    expect(o.memorySessions).toBe(500)
    expect(o.write).toBe(true)
  })

  it('reads the flags', () => {
    const o = parseBenchArgs([
      '--tokens-per-second',
      '5',
      '--levels',
      '10,40',
      '--modes',
      'relay,sparring',
      '--no-burst',
      '--no-write',
      '--all-levels',
      '--refine',
      '0',
    ])
    expect(o).toMatchObject({
      speeds: [5],
      levels: [10, 40],
      modes: ['relay', 'sparring'],
      burst: null,
      write: false,
      allLevels: true,
      refine: 0,
    })
  })

  it('refuses unknown modes, bad numbers and a flag without its value', () => {
    expect(() => parseBenchArgs(['--modes', 'direct,proxy'])).toThrow(/unknown proxy/)
    expect(() => parseBenchArgs(['--tokens-per-second', '0'])).toThrow(/--tokens-per-second/)
    expect(() => parseBenchArgs(['--levels', '--no-write'])).toThrow(/needs a value/)
  })
})
