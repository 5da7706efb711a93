import { describe, expect, it } from 'vitest'
import type { CandidateMove } from '../../../bench/interviewer/candidate-kinds.js'
import { judgeDrill } from '../../../bench/interviewer/judge-drill.js'
import type { Exchange } from '../../../bench/interviewer/run-interview.js'
import type { Turn } from '../../../server/sessions/session-schema.js'
import { loadTimeBombQuestion } from '../../server/interview/fixtures/load-question.js'

const question = loadTimeBombQuestion()
let n = 0
function reply(kind: Turn['kind'], text: string, target: string | null = 'step:2'): Turn {
  return {
    id: `t${++n}`,
    sessionId: 's',
    role: 'interviewer',
    kind,
    text,
    target,
    hiddenNotes: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    completedAt: '2026-01-01T00:00:00.000Z',
    provider: 'offline',
    model: 'sparring-offline-1',
    usage: null,
    leaksCaught: 0,
  } as Turn
}
const thin: CandidateMove = { type: 'answer', text: 'Maybe.', covers: [], form: 'thin' }
const judge = (exchanges: Exchange[]) =>
  judgeDrill(question, 2, { questionId: question.id, exchanges, endedBy: 'interviewer' })
const opening: Exchange = { move: null, reply: reply('question', 'Drill on step 2. What first?') }

describe('judgeDrill', () => {
  it('passes a drill of one fresh question a turn on the step', () => {
    const f = judge([
      opening,
      {
        move: thin,
        reply: reply('verdict', 'Verdict: missed.\nHint: measure.\nWhat would you prototype?'),
      },
      {
        move: thin,
        reply: reply('verdict', 'Verdict: partial.\nHint: cost.\nHow long would it run?'),
      },
    ])
    expect(f).toMatchObject({ reps: 2, repeats: 0, noQuestion: 0, multiQuestion: 0, offFocus: 0 })
    expect(f.problems).toEqual([])
  })

  it('counts a hint that asks, a turn off the step, a repeat and a turn with no question', () => {
    const f = judge([
      opening,
      { move: thin, reply: reply('verdict', 'Verdict: partial.\nHint: why?\nWhat first?') },
      {
        move: thin,
        reply: reply('verdict', 'Verdict: partial.\nHint: go on.\nWhat first?', 'step:5'),
      },
      { move: thin, reply: reply('verdict', 'Verdict: partial.\nHint: go on.') },
    ])
    expect(f).toMatchObject({ multiQuestion: 1, offFocus: 1, repeats: 2, noQuestion: 1 })
  })

  it('counts a solid verdict whose hint says the answer fell short, not one about the plan', () => {
    const f = judge([
      opening,
      {
        move: thin,
        reply: reply('verdict', 'Verdict: solid.\nHint: your answer did not get to cost.\nWhy?'),
      },
      {
        move: thin,
        reply: reply(
          'verdict',
          'Verdict: solid.\nHint: think of the users the fix does not reach.\nHow?',
        ),
      },
    ])
    expect(f.verdictHintClashes).toBe(1)
  })

  it('counts model-answer text in a hint', () => {
    const secret = question.modelAnswer.split(/\s+/).slice(40, 52).join(' ')
    const f = judge([
      opening,
      { move: thin, reply: reply('verdict', `Verdict: missed.\nHint: ${secret}.\nWhy?`) },
    ])
    expect(f.hintLeaks).toBe(1)
  })
})
