import { describe, expect, it } from 'vitest'
import { markupFragments } from '../../../bench/interviewer/markup-fragments.js'

describe('markupFragments: debris the candidate saw', () => {
  it('finds what the leak guard left of a copied code block (question 15)', () => {
    const text = '}\n}\n```\n\nWalk me through how you would approach that part. Thanks. Why?'
    expect(markupFragments(text)).toEqual([
      'unbalanced code fence',
      'markup line "}"',
      'markup line "}"',
    ])
  })

  it('finds an empty block, an empty bullet and a lead-in to nothing', () => {
    expect(markupFragments('```json\n```\nWhy?')).toEqual(['empty code block'])
    expect(markupFragments('Thanks.\n-\nWhy?')).toEqual(['markup line "-"'])
    expect(markupFragments('Here is the code:\nWhy?')).toEqual([
      'dangling lead-in "Here is the code:"',
    ])
  })

  it('passes prose and a whole code block with its lead-in', () => {
    expect(markupFragments('On caching: what could go wrong?')).toEqual([])
    expect(markupFragments('Say it reads:\n```ts\nreturn cache.get(id)\n}\n```\nWhy?')).toEqual([])
    expect(markupFragments('Two options:\n- a queue\n- a lock')).toEqual([])
  })
})
