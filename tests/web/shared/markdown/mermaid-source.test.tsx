// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SafeMarkdown } from '../../../../web/src/shared/markdown/safe-markdown.js'

afterEach(cleanup)

describe('```mermaid blocks', () => {
  it('become a diagram figure with its source, while other code stays a code block', async () => {
    const { container, findByText } = render(
      <SafeMarkdown>{'```mermaid\ngraph TD\n  A-->B\n```\n\n```sql\nSELECT 1;\n```'}</SafeMarkdown>,
    )
    expect(await findByText('Diagram source')).toBeTruthy()
    expect(container.querySelector('.mermaid-source code')?.textContent).toBe('graph TD\n  A-->B\n')
    expect(container.querySelector('pre > code.language-sql')?.textContent).toBe('SELECT 1;\n')
  })
})
