import { describe, expect, it } from 'vitest'
import { createRepeatFilter, isQuestion } from '../../../server/interview/repeat-filter.js'
import { labelStems } from '../../../server/interview/question-similarity.js'

/**
 * bench:interviewer's scripted model reused its wording for the next step ("Let me push on
 * minutes 3-7: ..." after "... minutes 0-3: ..."), 27 repeats in 584 follow-ups. The filter
 * drops a question the session already asked, reworded or about another step, before the
 * candidate reads it; everything else goes through as it was written.
 */

const ASKED = ['Let me push on minutes 0-3: what would you do there first, and why that first?']
const IGNORE = labelStems(['Minutes 0-3', 'Minutes 3-7', 'Verification'])

function run(chunks: string[], asked = ASKED) {
  const filter = createRepeatFilter({ asked, ignore: IGNORE })
  const out = chunks.map((c) => filter.push(c))
  return { filter, out, text: out.join('') + filter.flush() }
}

describe('createRepeatFilter', () => {
  it('drops the same wording about another step and keeps the rest of the turn', () => {
    const { text, filter } = run([
      'Thanks. Let me push on minutes 3-7: what would you do there ',
      'first, and why that first?',
    ])
    expect(text).toBe('Thanks. ')
    expect(filter.dropped).toEqual([
      'Let me push on minutes 3-7: what would you do there first, and why that first?',
    ])
    expect(filter.asked).toEqual([])
  })

  it('lets a new question through unchanged, whatever the delta boundaries', () => {
    const reply = 'Fair. How would you know the rollback worked?\nNothing else.'
    for (const size of [1, 4, 9]) {
      const { text, filter } = run(reply.match(new RegExp(`.{1,${size}}`, 'gs')) ?? [])
      expect(text).toBe(reply)
      expect(filter.asked).toEqual(['How would you know the rollback worked?'])
    }
  })

  it('drops a question asked twice within the turn', () => {
    const { text } = run(['What would you check first? ', 'Again: what would you check first?'], [])
    expect(text).toBe('What would you check first? ')
  })

  it('releases a sentence only once it has ended', () => {
    const { out } = run(['Fair', '. What ', 'next', '? '])
    // "Fair." is known to have ended when the space after it comes, "What next?" likewise.
    expect(out).toEqual(['', 'Fair.', '', ' What next?'])
  })

  it('checks the last sentence at the end, with or without a question mark', () => {
    const { text, filter } = run([
      'OK. Let me push on minutes 3-7: what would you do there first, and why that first?',
    ])
    expect(text).toBe('OK. ')
    expect(filter.dropped).toHaveLength(1)
    expect(run(['Tell me more']).text).toBe('Tell me more')
  })

  it('knows a question by its last mark, closing quotes aside', () => {
    expect(isQuestion('Would you say "it depends?"')).toBe(true)
    expect(isQuestion('You said "why?" and stopped.')).toBe(false)
  })
})
