import { describe, expect, it } from 'vitest'
import { entryAssets, stableName } from '../../bench/bundle-size.js'
import { replaceSection } from '../../bench/stream/replace-section.js'

describe('entryAssets', () => {
  it('takes the module script, the modulepreloads and the stylesheets of index.html', () => {
    const html = `<head>
      <script type="module" crossorigin src="/assets/index-AbCd1234.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/question-schema-Zz99Yy88.js">
      <link rel="stylesheet" crossorigin href="/assets/index-Qq11Ww22.css">
      <link rel="icon" href="/assets/favicon-Aa00Bb11.svg">
      <script>inline()</script>
    </head>`
    expect(entryAssets(html)).toEqual([
      'assets/index-AbCd1234.js',
      'assets/question-schema-Zz99Yy88.js',
      'assets/index-Qq11Ww22.css',
    ])
  })
})

describe('stableName', () => {
  it('drops the content hash', () => {
    expect(stableName('assets/review-page-CHUUKY8c.js')).toBe('review-page.js')
    expect(stableName('assets/highlighted-markdown-Bco2emTO.css')).toBe('highlighted-markdown.css')
  })
})

describe('replaceSection for the Web bundle section', () => {
  const heading = '## Web bundle'
  const section = '## Web bundle\n\nnew figures\n'

  it('replaces the section and keeps the ones around it', () => {
    const doc = '# Benchmarks\n\n## A\n\na\n\n## Web bundle\n\nold figures\n\n## B\n\nb\n'
    expect(replaceSection(doc, heading, section)).toBe(
      '# Benchmarks\n\n## A\n\na\n\n## Web bundle\n\nnew figures\n\n## B\n\nb\n',
    )
  })

  it('replaces a last section to the end', () => {
    expect(replaceSection('# B\n\n## Web bundle\n\nold\n', heading, section)).toBe(
      '# B\n\n## Web bundle\n\nnew figures\n',
    )
  })

  it('appends the section when there is none', () => {
    expect(replaceSection('# Benchmarks\n\n## A\n\na\n', heading, section)).toBe(
      '# Benchmarks\n\n## A\n\na\n\n## Web bundle\n\nnew figures\n',
    )
  })
})
