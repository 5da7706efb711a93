import { describe, expect, it } from 'vitest'
import {
  closingFenceBeforeProse,
  countFences,
  isMarkupLine,
  keptBeforeDrop,
} from '../../../server/interview/markup-debris.js'

/** What keptBeforeDrop keeps of `text`. */
const kept = (text: string) => text.slice(0, keptBeforeDrop(text))

describe('keptBeforeDrop: the frame released before a dropped copy', () => {
  it('cuts the closing braces and fence a copy began after', () => {
    expect(kept('}\n}\n```\n\n')).toBe('')
    expect(kept('Thanks.\n}\n]);\n')).toBe('Thanks.\n')
  })

  it('cuts a code block left open, with the lead-in to it', () => {
    expect(kept('Thanks. Here is the code:\n```js\nclass A {\n  ')).toBe('Thanks. ')
    expect(kept('Good.\nHere is what I mean:\n')).toBe('Good.\n')
  })

  it('cuts the beginning of the sentence the copy cut, and an empty bullet', () => {
    expect(kept('Good point. As the answer says, ')).toBe('Good point. ')
    expect(kept('Thanks.\n\n- ')).toBe('Thanks.\n\n')
  })

  it('cuts a code block left empty', () => {
    expect(kept('Right.\n```\n```\n')).toBe('Right.\n')
  })

  it('keeps whole sentences and a closed code block', () => {
    expect(kept('Thanks. ')).toBe('Thanks. ')
    expect(kept('What would you check first?\n')).toBe('What would you check first?\n')
    const block = 'Take this:\n```js\nconst a = 1\n```\n'
    expect(kept(block)).toBe(block)
  })
})

describe('markup lines and fences', () => {
  it('a line with no word is markup; a fence or a line with a word is not', () => {
    expect(['}', '  ]);', '- ', '//', '*'].every(isMarkupLine)).toBe(true)
    expect(['```', '```js', 'return x;', '', 'a)'].some(isMarkupLine)).toBe(false)
  })

  it('counts fences at a token start only', () => {
    expect(countFences('```js\nx\n```')).toBe(2)
    expect(countFences('use `x` here')).toBe(0)
    expect(countFences('no fences')).toBe(0)
  })
})

describe('closingFenceBeforeProse: the closing fence of a copy, with prose after it', () => {
  it('gives the fence and its spaces, for the prose to stay', () => {
    expect(closingFenceBeforeProse('``` What would you check first?', false)).toBe(4)
    expect(closingFenceBeforeProse('  ~~~  And then?\n', true)).toBe(7)
  })

  it('leaves a bare fence, a fence with no space, and an info string out of a block', () => {
    expect(closingFenceBeforeProse('```\n', true)).toBe(0)
    expect(closingFenceBeforeProse('```ts\n', false)).toBe(0)
    expect(closingFenceBeforeProse('``` python\n', false)).toBe(0)
    expect(closingFenceBeforeProse('``` python\n', true)).toBe(4)
    expect(closingFenceBeforeProse('``` }\n', true)).toBe(0)
  })
})
