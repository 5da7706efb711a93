import { describe, expect, it } from 'vitest'
import { summariseSpeed, type SpeedRun } from '../../../bench/stream/speed-summary.js'
import { level, stats } from './fixtures/speed-levels.js'

describe('summariseSpeed', () => {
  const run: SpeedRun = {
    tokensPerSec: 20,
    tokens: 150,
    rampMs: 7800,
    burst: null,
    firstSentenceWords: 14,
    rows: new Map([
      ['direct', [level(100, 2, null), level(200, 4, null), level(400, 30, null)]],
      ['sparring', [level(100, 5, stats(1500, 300, 310)), level(200, 25, stats(6000, 310, 330))]],
    ]),
  }
  const [direct, sparring] = summariseSpeed(run, 20)

  it("gives each mode's largest N and Sparring's share of the floor's", () => {
    expect(direct!.capacity).toEqual({ largest: 200, firstFailing: 400 })
    expect(direct!.shareOfFloor).toBeNull()
    expect(sparring!.capacity).toEqual({ largest: 100, firstFailing: 200 })
    expect(sparring!.shareOfFloor).toEqual({ ratio: 0.5, bound: 'exact' })
  })

  it('reads CPU and first text at the largest passing level, memory at the largest run', () => {
    expect(sparring!.atClients).toBe(100)
    expect(sparring!.cpuMsPer1000Tokens).toBe(100) // 1,500 ms for 15,000 tokens
    expect(sparring!.mainThreadCpuMsPer1000Tokens).toBe(50)
    expect(sparring!.firstTextBeyondModelMs.p50).toBe(10)
    expect(sparring!.memoryPerSessionKb).toBeCloseTo((20 * 1024) / 200)
    expect(sparring!.memorySessions).toBe(200)
    expect(direct!.cpuMsPer1000Tokens).toBeNull()
  })

  it('prefers the idle sessions opened apart for memory, when there were', () => {
    const open = new Map([
      ['sparring', { clients: 400, rssBeforeMb: 300, rssOpenMb: 320 }],
    ] as const)
    const [, withOpen] = summariseSpeed({ ...run, open }, 20)
    expect(withOpen!.memoryPerSessionKb).toBeCloseTo((20 * 1024) / 400)
    expect(withOpen!.memorySessions).toBe(400)
  })
})
