// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ChatTurn } from '../../../../../web/src/features/interview/components/chat-turn.js'
import { makeTurn } from '../../../support/fixtures.js'

const xss = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'

afterEach(cleanup)

describe('ChatTurn', () => {
  it('renders a candidate answer as Markdown, with HTML typed in it shown as text', () => {
    const turn = makeTurn({
      id: 'c1',
      seq: 2,
      role: 'candidate',
      kind: 'answer',
      text: `${xss}\n\n- **first**\n- second\n\n\`\`\`sql\nSELECT 1;\n\`\`\``,
    })
    const { container } = render(<ChatTurn turn={turn} />)
    expect(container.querySelector('img, script')).toBeNull()
    expect(container.querySelector('.turn-text')?.textContent).toContain(xss)
    expect(container.querySelector('li strong')?.textContent).toBe('first')
    expect(container.querySelectorAll('.markdown li')).toHaveLength(2)
    expect(container.querySelector('pre code')?.textContent).toContain('SELECT 1;')
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('renders interviewer Markdown, with HTML from the model as text', () => {
    const turn = makeTurn({ id: 'i1', seq: 1, text: `**Why** ${xss}` })
    const { container } = render(<ChatTurn turn={turn} />)
    expect(container.querySelector('strong')?.textContent).toBe('Why')
    expect(container.querySelector('img, script')).toBeNull()
    expect(container.textContent).toContain('<script>')
  })

  it('marks a streaming turn busy and reserves its space', () => {
    const turn = makeTurn({ id: 'i2', seq: 3, completedAt: null, text: '' })
    const { container } = render(<ChatTurn turn={turn} />)
    const li = container.querySelector('li')!
    expect(li.className).toContain('streaming')
    expect(li.getAttribute('aria-busy')).toBe('true')
  })
})
