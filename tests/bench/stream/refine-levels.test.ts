import { describe, expect, it } from 'vitest'
import { refinementLevel, searchLevels } from '../../../bench/stream/refine-levels.js'

describe('refinementLevel', () => {
  it('halves the gap between the largest passing N and the first failing one, rounded', () => {
    expect(refinementLevel(200, 400)).toBe(300)
    expect(refinementLevel(300, 400)).toBe(350)
    expect(refinementLevel(350, 400)).toBe(375)
    expect(refinementLevel(170, 460)).toBe(320)
    expect(refinementLevel(25, 66)).toBe(46)
  })

  it('stops once the gap is within 5 % of the passing N, or the two are adjacent', () => {
    expect(refinementLevel(385, 400)).toBeNull()
    expect(refinementLevel(1, 2)).toBeNull()
    expect(refinementLevel(375, 400, 0.01)).toBe(388)
  })

  it('never returns either end', () => {
    for (let lo = 1; lo < 60; lo++)
      for (let hi = lo + 1; hi < 120; hi++) {
        const mid = refinementLevel(lo, hi)
        if (mid !== null) expect(mid > lo && mid < hi).toBe(true)
      }
  })
})

describe('searchLevels', () => {
  /** A mode that holds up to `limit` streams; records the levels run, in order. */
  const modeHolding = (limit: number) => {
    const ran: number[] = []
    const run = async (clients: number) => {
      ran.push(clients)
      return { clients, ok: clients <= limit }
    }
    return { ran, run, passes: (r: { ok: boolean }) => r.ok }
  }

  it('climbs to the first failure, then halves the gap up to --refine times', async () => {
    const m = modeHolding(330)
    const rows = await searchLevels([25, 50, 100, 200, 400, 800], m.run, m.passes, {
      allLevels: false,
      refine: 3,
    })
    expect(m.ran).toEqual([25, 50, 100, 200, 400, 300, 350, 325])
    expect(rows.map((r) => r.clients)).toEqual([25, 50, 100, 200, 300, 325, 350, 400])
  })

  it('refines nothing with --refine 0, when none failed, or when the lowest failed', async () => {
    const a = modeHolding(330)
    await searchLevels([100, 200, 400], a.run, a.passes, { allLevels: false, refine: 0 })
    expect(a.ran).toEqual([100, 200, 400])
    const b = modeHolding(1000)
    await searchLevels([100, 200], b.run, b.passes, { allLevels: false, refine: 3 })
    expect(b.ran).toEqual([100, 200])
    const c = modeHolding(10)
    await searchLevels([100, 200], c.run, c.passes, { allLevels: false, refine: 3 })
    expect(c.ran).toEqual([100])
  })

  it('with --all-levels climbs on, and refines below the first failure, not a later pass', async () => {
    // 200 fails (a stall on a shared machine), 400 passes after it.
    const ran: number[] = []
    const run = async (clients: number) => (ran.push(clients), { clients })
    await searchLevels([100, 200, 400], run, (r) => r.clients !== 200, {
      allLevels: true,
      refine: 1,
    })
    expect(ran).toEqual([100, 200, 400, 150])
  })
})
