import { describe, expect, it } from 'vitest'
import { stripFencedCode } from '../../../server/text/fenced-code.js'

describe('stripFencedCode', () => {
  it('replaces each fenced block by a line break and keeps the prose between blocks', () => {
    const text = 'Lock the row.\n```sql\nSELECT 1;\n```\nThen retry.\n```ts\nretry()\n```\nDone.'
    expect(stripFencedCode(text)).toBe('Lock the row.\n\n\nThen retry.\n\n\nDone.')
  })

  it('uses the replacement it is given and leaves inline code alone', () => {
    expect(stripFencedCode('a ```x``` b `c`', ' ')).toBe('a   b `c`')
  })
})
