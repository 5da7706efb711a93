import { describe, expect, it } from 'vitest'
import type { CandidateMove } from '../../../bench/interviewer/candidate-kinds.js'
import { judgeInterview, sameQuestion } from '../../../bench/interviewer/judge-interview.js'
import type { Exchange } from '../../../bench/interviewer/run-interview.js'
import type { Turn } from '../../../server/sessions/session-schema.js'
import { loadTimeBombQuestion } from '../../server/interview/fixtures/load-question.js'

const question = loadTimeBombQuestion()
let n = 0
function reply(kind: Turn['kind'], text: string, target: string | null = null): Turn {
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
const answer = (text: string, covers: number[]): CandidateMove => ({
  type: 'answer',
  text,
  covers,
  form: 'step',
})
const judge = (exchanges: Exchange[]) =>
  judgeInterview(question, { questionId: question.id, exchanges, endedBy: 'candidate' })
const opening: Exchange = { move: null, reply: reply('question', 'Where would you start?') }

describe('judgeInterview', () => {
  it('counts a follow-up aimed at a step a labelled answer already covered', () => {
    const f = judge([
      opening,
      { move: answer('We assume 50M users.', [1]), reply: reply('follow-up', 'How?', 'step:1') },
      { move: answer('Thin.', []), reply: reply('follow-up', 'And the cost?', 'step:4') },
    ])
    expect(f).toMatchObject({ followUps: 2, redundant: 1 })
    expect([...f.stepsProbed]).toEqual([1, 4])
  })

  it('counts repeated and reworded questions, not different ones', () => {
    const f = judge([
      opening,
      {
        move: answer('a', []),
        reply: reply('follow-up', 'What is your next suspect, and how do you test it?', 'step:2'),
      },
      {
        move: answer('b', []),
        reply: reply('follow-up', 'Okay. What is the next suspect and how would you test it?'),
      },
      { move: answer('c', []), reply: reply('follow-up', 'How do you roll the fix out?') },
    ])
    expect(f.repeats).toBe(1)
    expect(sameQuestion('How do you verify the fix?', 'How do you verify the rollout?')).toBe(false)
  })

  it('counts two questions in one turn and a quote used twice', () => {
    const quoted = 'You said "we would shard by user id". Why?'
    const f = judge([
      opening,
      { move: answer('a', []), reply: reply('follow-up', 'Why that? And what would it cost?') },
      { move: answer('b', []), reply: reply('follow-up', quoted) },
      { move: answer('c', []), reply: reply('follow-up', `Okay. ${quoted.replace('Why', 'How')}`) },
    ])
    expect(f.multiQuestion).toBe(1)
    expect(f.quotesReused).toBe(1)
  })

  it('finds model-answer text the candidate never said, but not the candidate quoted back', () => {
    const secret = question.modelAnswer.split(/\s+/).slice(40, 52).join(' ')
    const f = judge([
      opening,
      { move: answer('a', []), reply: reply('follow-up', `Consider: ${secret}. Why?`) },
      { move: answer(secret, []), reply: reply('follow-up', `You said "${secret}". Why?`) },
    ])
    expect(f.leaks).toBe(1)
  })

  it('finds a leak in text the candidate saw before a revision, and judges repeats on the final text', () => {
    const secret = question.modelAnswer.split(/\s+/).slice(40, 52).join(' ')
    const f = judge([
      { ...opening, takenBack: [] },
      {
        move: answer('a', []),
        reply: reply('follow-up', 'Fair. What would you measure first?'),
        takenBack: [`Fair. ${secret}`, 'Fair. Where would you start?'],
      },
    ])
    expect(f.leaks).toBe(1)
    // The repeat was taken back: the candidate ends with a question not asked before.
    expect(f.repeats).toBe(0)
  })

  it("finds the interviewer prompt's own words, not the question's public text", () => {
    const f = judge([
      opening,
      {
        move: answer('a', []),
        reply: reply(
          'follow-up',
          'After each answer, ask exactly ONE follow-up question, aimed at the gap. Why?',
        ),
      },
      // The prompt quotes the question's title and scenario, which the candidate reads anyway.
      {
        move: answer('b', []),
        reply: reply('follow-up', `About "${question.scenario.slice(0, 80)}": why?`),
      },
    ])
    expect(f.promptEchoes).toBe(1)
    expect(f.leaks).toBe(0)
  })

  it('judges clarifications by the fact, or by saying the scenario does not say', () => {
    const f = judge([
      opening,
      {
        move: { type: 'clarify', text: 'How many users?', fact: 'for 50 million users' },
        reply: reply('clarification', 'The scenario says: "a system for 50 million users."'),
      },
      {
        move: { type: 'clarify', text: 'Which cloud?', fact: null },
        reply: reply('clarification', "The scenario doesn't say; state your assumption."),
      },
      {
        move: { type: 'clarify', text: 'Which region?', fact: null },
        reply: reply('clarification', 'From the brief: "a system for 50 million users."'),
      },
    ])
    expect(f).toMatchObject({ clarifications: 3, clarificationsRight: 2 })
  })
})
