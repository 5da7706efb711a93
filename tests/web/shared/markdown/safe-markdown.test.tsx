// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import HighlightedMarkdown from '../../../../web/src/shared/markdown/highlighted-markdown.js'
import { SafeMarkdown } from '../../../../web/src/shared/markdown/safe-markdown.js'

const payloads = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '<a href="javascript:window.__pwned=1">click</a>',
  '[click](javascript:window.__pwned=1)',
  '<iframe src="https://evil.example"></iframe>',
]

afterEach(cleanup)

describe('SafeMarkdown', () => {
  it('renders Markdown structure', () => {
    const { container } = render(
      <SafeMarkdown>{'# Title\n\n- **bold** item\n\n`code`'}</SafeMarkdown>,
    )
    expect(container.querySelector('h1')?.textContent).toBe('Title')
    expect(container.querySelector('li strong')?.textContent).toBe('bold')
    expect(container.querySelector('code')?.textContent).toBe('code')
  })

  it.each(payloads)('shows %s as inert text, creating no element from it', (payload) => {
    const { container } = render(<SafeMarkdown>{`Before ${payload} after`}</SafeMarkdown>)
    expect(container.querySelector('script, img, iframe, [onerror]')).toBeNull()
    for (const a of container.querySelectorAll('a'))
      expect(a.getAttribute('href') ?? '').not.toMatch(/^javascript:/i)
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('keeps the raw HTML visible as text', () => {
    const { container } = render(<SafeMarkdown>{'<script>alert(1)</script>'}</SafeMarkdown>)
    expect(container.textContent).toContain('<script>alert(1)</script>')
  })

  it('shows a Markdown image as its alt text instead of loading it', () => {
    const { container } = render(
      <SafeMarkdown>{'![tracker](https://evil.example/p.png)'}</SafeMarkdown>,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toContain('[image: tracker]')
  })
})

describe('HighlightedMarkdown', () => {
  it('highlights a registered language and leaves others plain', () => {
    const { container } = render(
      <HighlightedMarkdown>
        {'```ts\nconst key: string = "a"\n```\n\n```cobol\nDISPLAY "x"\n```'}
      </HighlightedMarkdown>,
    )
    const [ts, cobol] = container.querySelectorAll('pre code')
    expect(ts?.querySelector('.hljs-keyword')?.textContent).toBe('const')
    expect(cobol?.querySelector('span')).toBeNull()
    expect(cobol?.textContent).toContain('DISPLAY "x"')
  })

  it('keeps HTML inside and outside code blocks as text', () => {
    const { container } = render(
      <HighlightedMarkdown>
        {'<img src=x onerror=alert(1)>\n\n```js\n"<script>alert(1)</script>"\n```'}
      </HighlightedMarkdown>,
    )
    expect(container.querySelector('img, script')).toBeNull()
    expect(container.textContent).toContain('<script>alert(1)</script>')
  })
})
