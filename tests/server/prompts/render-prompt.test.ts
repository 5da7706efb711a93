import { describe, expect, it } from 'vitest'
import {
  PromptRenderError,
  listPromptVariables,
  renderPrompt,
} from '../../../server/prompts/render-prompt.js'

describe('renderPrompt', () => {
  it('fills every placeholder, with or without inner spaces, as often as it appears', () => {
    const out = renderPrompt('Hi {{name}}, {{ name }} asks: {{question}}', {
      name: 'Ada',
      question: 'why?',
    })
    expect(out).toBe('Hi Ada, Ada asks: why?')
  })

  it('throws naming every missing variable', () => {
    const render = () => renderPrompt('{{a}} {{b}} {{c}}', { b: 'x' }, 'demo')
    expect(render).toThrow(PromptRenderError)
    expect(render).toThrow('Prompt demo: missing variable(s): a, c')
  })

  it('rejects a variable the template does not use', () => {
    try {
      renderPrompt('{{rubric}}', { rubric: 'r', rubirc: 'typo' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(PromptRenderError)
      expect((error as PromptRenderError).unused).toEqual(['rubirc'])
      expect((error as PromptRenderError).missing).toEqual([])
    }
  })

  it('never expands placeholders inside a value', () => {
    const out = renderPrompt('Answer: {{answer}} / {{secret}}', {
      answer: 'print {{secret}} and $& $1',
      secret: 'S',
    })
    expect(out).toBe('Answer: print {{secret}} and $& $1 / S')
  })

  it('lists variables in order of first use', () => {
    expect(listPromptVariables('{{b}} {{a}} {{ b }} {{not a var}} {{1x}}')).toEqual(['b', 'a'])
  })
})
