import { describe, expect, it } from 'vitest'
import { createRepeatFilter } from '../../../server/interview/repeat-filter.js'

/**
 * A drill reply is `Verdict:`, `Hint:`, then the turn's one question. bench:interviewer's drills
 * caught a model whose hint asked a question of its own (two questions in one turn, the same one
 * again next rep) and whose hint said the answer fell short under a verdict of solid. The filter
 * drops a question on a labelled line and swaps a hint that disagrees with a solid verdict.
 */

const AGREEING = 'Hint: to push further, name the one number you would watch.'

function drill(chunks: string[]) {
  const filter = createRepeatFilter({
    asked: [],
    ignore: new Set(),
    drill: { agreeingHint: () => AGREEING },
  })
  const text = chunks.map((c) => filter.push(c)).join('') + filter.flush()
  return { text, filter }
}

describe('createRepeatFilter in a drill', () => {
  it('drops a hint that asks a question, keeping the turn to its one question', () => {
    const { text, filter } = drill([
      'Verdict: partial. Close.\nHint: Have you thought about ',
      'what would make you stop?\nWhat is the first thing you would measure?',
    ])
    expect(text).toBe('Verdict: partial. Close.\n\nWhat is the first thing you would measure?')
    expect(filter.hintsFixed).toEqual(['Hint: Have you thought about what would make you stop?'])
    expect(filter.asked).toEqual(['What is the first thing you would measure?'])
  })

  it('replaces a hint that says the answer fell short after a solid verdict', () => {
    const { text } = drill([
      'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\n',
      'What would you cut first?',
    ])
    expect(text).toBe(`Verdict: solid. You are on it.\n${AGREEING}\nWhat would you cut first?`)
  })

  it('keeps a shortfall hint after a partial verdict, and a hint about what a fix does not reach', () => {
    const partial = 'Verdict: partial. Close.\nHint: your answer did not get to the rollback.\nWhy?'
    expect(drill([partial]).text).toBe(partial)
    const solid = 'Verdict: solid. Good.\nHint: think about the users the fix does not reach.\nWhy?'
    expect(drill([solid]).text).toBe(solid)
  })

  it('leaves labelled lines alone outside a drill', () => {
    const filter = createRepeatFilter({ asked: [], ignore: new Set() })
    const reply = 'Hint: what would you check?\nAnd then?'
    expect(filter.push(reply) + filter.flush()).toBe(reply)
  })
})
