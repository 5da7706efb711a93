import { describe, expect, it } from 'vitest'
import {
  blockOpenAfterLine,
  closingFenceBeforeProse,
  createFenceReader,
  fenceKind,
  isMarkupLine,
  keptBeforeDrop,
  openBlockStart,
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

  it('cuts a lead-in ending with a comma, and a fence after a lead-in on its line', () => {
    expect(kept('Thanks. As the reference puts it,\n')).toBe('Thanks. ')
    expect(kept('Right. As the reference puts it, ```\n\n')).toBe('Right. ')
    expect(kept('Good.\nConsider this: -')).toBe('Good.\n')
    // Sentence punctuation standing alone is not a frame.
    expect(kept('Why not ?\n')).toBe('Why not ?\n')
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

  it('tells a bare fence, one with an info string and one with prose after it', () => {
    expect(['```', '  ~~~\n', '````'].map(fenceKind)).toEqual(['bare', 'bare', 'bare'])
    expect(['```ts', '``` python\n', '~~~c++', '```objective-c'].map(fenceKind)).toEqual([
      'info',
      'info',
      'info',
      'info',
    ])
    expect(['``` What now?', '``` Really?\n', '```js const a = 1'].map(fenceKind)).toEqual([
      'prose',
      'prose',
      'prose',
    ])
    expect(['use ``` here', 'return x;', ''].map(fenceKind)).toEqual([null, null, null])
  })
})

describe('code blocks open: a fence with an info string only ever opens', () => {
  it('a bare fence opens or closes; an info fence opens, even inside an open block', () => {
    expect(blockOpenAfterLine('```', false)).toBe(true)
    expect(blockOpenAfterLine('```', true)).toBe(false)
    expect(blockOpenAfterLine('```ts', false)).toBe(true)
    // A model that never closed its block and writes "```ts" means a new block, not a close.
    expect(blockOpenAfterLine('```ts', true)).toBe(true)
    expect(blockOpenAfterLine('``` What now?', true)).toBe(false)
    expect(blockOpenAfterLine('plain text', true)).toBe(true)
  })

  it('finds the line of the fence that opened the block left open', () => {
    expect(openBlockStart('Say:\n```js\nx\n```\n')).toBe(-1)
    expect(openBlockStart('Say:\n```js\nx\n')).toBe(5)
    expect(openBlockStart('Say:\n```\nx\n```ts\ny\n')).toBe(11)
    // Fences are read at a line's start only.
    expect(openBlockStart('Type ``` to start a block.\n')).toBe(-1)
  })

  it('reads text in pieces cut anywhere, lines across pieces', () => {
    const text = 'Take:\n```javascript\nclass A {}\n```\n\n```\nlet v\n'
    for (let cut = 0; cut <= text.length; cut++) {
      const reader = createFenceReader()
      reader.read(text.slice(0, cut))
      reader.read(text.slice(cut))
      expect(reader.open, `cut at ${cut}`).toBe(true)
    }
    const closed = createFenceReader()
    closed.read('```\nx\n``')
    expect(closed.open).toBe(true)
    closed.read('`\n')
    expect(closed.open).toBe(false)
    // A reader begun inside a line: a fence after text on that line is no fence.
    const inside = createFenceReader('As the answer says, ')
    inside.read('```js\n')
    expect(inside.open).toBe(false)
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
    // An info string only ever opens a block, inside the copy's block too.
    expect(closingFenceBeforeProse('``` python\n', true)).toBe(0)
    // Incomplete, it may still become one.
    expect(closingFenceBeforeProse('``` Wh', true)).toBe(0)
    expect(closingFenceBeforeProse('``` Why?\n', true)).toBe(4)
    expect(closingFenceBeforeProse('``` }\n', true)).toBe(0)
  })
})
