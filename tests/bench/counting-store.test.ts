import { describe, expect, it } from 'vitest'
import { countStoreCalls, tallyBetween } from '../../bench/stores/counting-store.js'
import { MemorySessionStore } from '../../server/sessions/memory-session-store.js'
import { makeSession } from '../support/session-fixtures.js'

describe('countStoreCalls', () => {
  it('counts each store call by method and times it, and gives one phase as a difference', async () => {
    const counted = countStoreCalls(new MemorySessionStore())
    const session = makeSession({ id: 's1' })
    await counted.store.createSession(session)
    const before = counted.snapshot()
    expect(await counted.store.getSession('s1')).toMatchObject({ id: 's1' })
    await counted.store.getSession('missing')
    const phase = tallyBetween(before, counted.snapshot())
    expect(phase.calls).toBe(2)
    expect(phase.byMethod).toEqual({ getSession: 2 })
    expect(phase.ms).toBeGreaterThanOrEqual(0)
    expect(counted.snapshot().byMethod).toEqual({ createSession: 1, getSession: 2 })
  })

  it('times work a store does before it returns its promise', async () => {
    const store = new MemorySessionStore()
    const busy = Object.assign(Object.create(store) as MemorySessionStore, {
      getSession(id: string) {
        const until = performance.now() + 20
        while (performance.now() < until);
        return store.getSession(id)
      },
    })
    const counted = countStoreCalls(busy)
    await counted.store.getSession('x')
    expect(counted.snapshot().ms).toBeGreaterThanOrEqual(19)
  })
})
