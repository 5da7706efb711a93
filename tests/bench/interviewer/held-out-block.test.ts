import { describe, expect, it } from 'vitest'
import {
  HELD_OUT_HEADING,
  heldOutBlock,
  withHeldOutBlock,
} from '../../../bench/interviewer/held-out-block.js'

// The bench rewrites its section from scratch; the hand-recorded held-out figures must survive.
const doc = [
  '## Simulated candidates (interviewer)',
  '',
  'old tables',
  '',
  HELD_OUT_HEADING,
  '',
  '| blind | 1.0% |',
  '',
  '## Next section',
  'text',
].join('\n')

describe('held-out block', () => {
  it('reads the block up to the next heading', () => {
    expect(heldOutBlock(doc)).toBe(`${HELD_OUT_HEADING}\n\n| blind | 1.0% |`)
    expect(heldOutBlock('## Simulated candidates (interviewer)\n\nnothing')).toBeNull()
  })

  it('carries it over into the freshly written section, once', () => {
    const fresh = '## Simulated candidates (interviewer)\n\nnew tables\n'
    const carried = withHeldOutBlock(fresh, doc)
    expect(carried).toBe(`${fresh}\n${HELD_OUT_HEADING}\n\n| blind | 1.0% |\n`)
    expect(withHeldOutBlock(carried, doc)).toBe(carried)
    expect(withHeldOutBlock(fresh, 'no block here')).toBe(fresh)
  })
})
