import { describe, expect, it } from 'vitest'
import {
  compareCapacity,
  cpuPerThousandTokens,
  findCapacity,
  memoryPerSessionKb,
} from '../../../bench/stream/capacity.js'

const level = (clients: number, addedP99Ms: number | null, allCompleted = true) => ({
  clients,
  addedP99Ms,
  allCompleted,
})

describe('findCapacity', () => {
  it('takes the last passing level before the first failure, in rising N whatever the order', () => {
    const levels = [level(100, 25), level(25, 3), level(50, 12)]
    expect(findCapacity(levels, 20)).toEqual({ largest: 50, firstFailing: 100 })
  })

  it('does not count a pass above a failure (a quiet moment on a shared machine)', () => {
    const levels = [level(25, 3), level(50, 30), level(100, 10)]
    expect(findCapacity(levels, 20)).toEqual({ largest: 25, firstFailing: 50 })
  })

  it('fails a level at the limit, with no deltas, or with a reply that did not end', () => {
    expect(findCapacity([level(25, 20)], 20).largest).toBeNull()
    expect(findCapacity([level(25, null)], 20).largest).toBeNull()
    expect(findCapacity([level(25, 1, false)], 20)).toEqual({ largest: null, firstFailing: 25 })
  })

  it('leaves firstFailing null when every level passed: the largest N is then a lower bound', () => {
    expect(findCapacity([level(25, 1), level(50, 2)], 20)).toEqual({
      largest: 50,
      firstFailing: null,
    })
  })
})

describe('compareCapacity', () => {
  it('is exact when both failed somewhere', () => {
    const r = compareCapacity(
      { largest: 100, firstFailing: 200 },
      { largest: 400, firstFailing: 800 },
    )
    expect(r).toEqual({ ratio: 0.25, bound: 'exact' })
  })

  it('is an upper bound when the floor never failed, a lower one when the subject never did', () => {
    expect(
      compareCapacity({ largest: 100, firstFailing: 200 }, { largest: 800, firstFailing: null }),
    ).toEqual({ ratio: 0.125, bound: 'at most' })
    expect(
      compareCapacity({ largest: 800, firstFailing: null }, { largest: 800, firstFailing: 1600 }),
    ).toEqual({ ratio: 1, bound: 'at least' })
    expect(
      compareCapacity({ largest: 50, firstFailing: null }, { largest: 100, firstFailing: null }),
    ).toEqual({ ratio: 0.5, bound: 'unknown' })
  })

  it('has no ratio when either passed no level', () => {
    expect(
      compareCapacity({ largest: null, firstFailing: 25 }, { largest: 400, firstFailing: 800 }),
    ).toBeNull()
    expect(
      compareCapacity({ largest: 100, firstFailing: 200 }, { largest: null, firstFailing: 25 }),
    ).toBeNull()
  })
})

describe('cost per token and per session', () => {
  it('gives CPU ms per 1,000 tokens, none for no tokens', () => {
    expect(cpuPerThousandTokens(450, 3000)).toBe(150)
    expect(cpuPerThousandTokens(450, 0)).toBeNull()
  })

  it('gives KB per session from RSS in MB, none without sessions', () => {
    expect(memoryPerSessionKb(100, 110, 200)).toBeCloseTo(51.2)
    expect(memoryPerSessionKb(100, 110, 0)).toBeNull()
  })
})
