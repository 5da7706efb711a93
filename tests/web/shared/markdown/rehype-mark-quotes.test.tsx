// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { rehypeMarkQuotes } from '../../../../web/src/shared/markdown/rehype-mark-quotes.js'
import { SafeMarkdown } from '../../../../web/src/shared/markdown/safe-markdown.js'

afterEach(cleanup)

function marked(text: string, quotes: Array<{ id: string; quote: string }>) {
  const { container } = render(
    <SafeMarkdown rehypePlugins={[[rehypeMarkQuotes, { quotes }]]}>{text}</SafeMarkdown>,
  )
  return [...container.querySelectorAll('mark')].map((m) => [m.id, m.textContent, m.tabIndex])
}

describe('rehypeMarkQuotes', () => {
  it('marks the first occurrence of each quote in the rendered Markdown, in text order', () => {
    expect(
      marked('- take a row lock\n- add an idempotency key, then a row lock', [
        { id: 'q2', quote: 'an idempotency key' },
        { id: 'q1', quote: 'row lock' },
      ]),
    ).toEqual([
      ['q1', 'row lock', -1],
      ['q2', 'an idempotency key', -1],
    ])
  })

  it('marks a later occurrence when an earlier quote took the first, and never overlaps two', () => {
    expect(
      marked('key and key', [
        { id: 'a', quote: 'key' },
        { id: 'b', quote: 'key' },
      ]),
    ).toEqual([
      ['a', 'key', -1],
      ['b', 'key', -1],
    ])
    expect(
      marked('abcdef', [
        { id: 'x', quote: 'bcd' },
        { id: 'y', quote: 'cde' },
        { id: 'z', quote: 'nope' },
      ]),
    ).toEqual([['x', 'bcd', -1]])
  })

  it('leaves a quote that spans Markdown syntax or sits in code unmarked', () => {
    expect(
      marked('a **row** lock\n\n```\nSELECT row lock\n```', [{ id: 'q', quote: 'row lock' }]),
    ).toEqual([])
  })
})
