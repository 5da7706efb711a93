import { describe, expect, it } from 'vitest'
import { createGroupSync } from '../../../server/sessions/group-sync.js'

/** A flush the test finishes by hand, counting how many were started. */
function manualFlush() {
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = []
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      pending.push({ resolve, reject })
    })
  return { flush, pending }
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r))
}

describe('createGroupSync', () => {
  it('starts a flush at once when none runs, and resolves when it ends', async () => {
    const { flush, pending } = manualFlush()
    const sync = createGroupSync(flush)
    let done = false
    void sync().then(() => (done = true))
    expect(pending).toHaveLength(1)
    await turns(2)
    expect(done).toBe(false)
    pending[0]!.resolve()
    await turns(2)
    expect(done).toBe(true)
  })

  it('makes calls during a flush wait for one more flush, shared by all of them', async () => {
    // The flush under way may have begun before their writes, so it cannot vouch for them.
    const { flush, pending } = manualFlush()
    const sync = createGroupSync(flush)
    void sync()
    const later = Array.from({ length: 5 }, () => sync())
    let settled = 0
    for (const p of later) void p.then(() => settled++)
    pending[0]!.resolve()
    await turns(3)
    expect(settled).toBe(0)
    expect(pending).toHaveLength(2)
    pending[1]!.resolve()
    await turns(3)
    expect(settled).toBe(5)
    expect(pending).toHaveLength(2)
  })

  it('rejects the callers of a failed flush and flushes afresh for the next call', async () => {
    const { flush, pending } = manualFlush()
    const sync = createGroupSync(flush)
    const first = sync()
    pending[0]!.reject(new Error('EIO'))
    await expect(first).rejects.toThrow('EIO')
    const second = sync()
    expect(pending).toHaveLength(2)
    pending[1]!.resolve()
    await expect(second).resolves.toBeUndefined()
  })
})
