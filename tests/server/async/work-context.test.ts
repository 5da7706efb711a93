import { describe, expect, it } from 'vitest'
import { currentWorkContext, runWithWorkContext } from '../../../server/async/work-context.js'

describe('runWithWorkContext', () => {
  it('is undefined outside any work', () => {
    expect(currentWorkContext()).toBeUndefined()
  })

  // One store carries all three fields, so an inner run must keep what the outer one set, as
  // three separate stores did.
  it('keeps the outer fields an inner run does not set, across awaits', async () => {
    const seen = await runWithWorkContext({ requestId: 'r-1' }, () =>
      runWithWorkContext({ lease: 'L' }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1))
        return currentWorkContext()
      }),
    )
    expect(seen).toEqual({ requestId: 'r-1', lease: 'L' })
  })

  it('lets an inner run replace a field only inside it', () => {
    runWithWorkContext({ requestId: 'outer' }, () => {
      expect(runWithWorkContext({ requestId: 'inner' }, () => currentWorkContext())).toEqual({
        requestId: 'inner',
      })
      expect(currentWorkContext()).toEqual({ requestId: 'outer' })
    })
  })
})
