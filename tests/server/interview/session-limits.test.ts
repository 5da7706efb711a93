import { describe, expect, it } from 'vitest'
import { checkSessionLimits, type SessionLimits } from '../../../server/interview/session-limits.js'
import type { Turn, TurnKind } from '../../../server/sessions/session-schema.js'
import { makeTurn } from '../../support/session-fixtures.js'

/**
 * Issue 11, item 1: every kind of candidate turn has its own cap per session, and turns of all
 * kinds and the transcript's characters have theirs, each refused with a message naming it.
 * (The stream's test covers clarifying questions and the transcript end to end.)
 */

const limits: SessionLimits = {
  maxTurns: 20,
  maxCandidateTurns: { answer: 3, skip: 2, clarify: 4 },
  maxTranscriptChars: 1000,
}

let seq = 0
const turnsOf = (kind: TurnKind, n: number, role: Turn['role'] = 'candidate', text = 'x'): Turn[] =>
  Array.from({ length: n }, () => ({ ...makeTurn({ id: `t${++seq}`, kind, role, text }), seq }))

describe('checkSessionLimits', () => {
  it.each([
    ['answer', 'answer', 3, 'limit:turns', 'at most 3 answers'],
    ['skip', 'skip', 2, 'limit:turns', 'at most 2 skips'],
    ['clarify', 'clarifying-question', 4, 'limit:clarifications', 'at most 4 clarifying questions'],
  ] as const)('caps %s turns at their own limit', (type, kind, max, code, words) => {
    expect(checkSessionLimits(turnsOf(kind, max - 1), type, 'y', limits)).toBeNull()
    const refused = checkSessionLimits(turnsOf(kind, max), type, 'y', limits)
    expect(refused).toEqual({
      ok: false,
      code,
      message: expect.stringContaining(`This interview allows ${words}. End the interview`),
    })
    // Another kind's turns do not count against it.
    const others = turnsOf(kind === 'answer' ? 'skip' : 'answer', max)
    expect(checkSessionLimits(others, type, 'y', limits)).toBeNull()
  })

  it("caps turns of every kind, the interviewer's included, leaving room for its reply", () => {
    const nineteen = [
      ...turnsOf('question', 10, 'interviewer'),
      ...turnsOf('follow-up', 9, 'interviewer'),
    ]
    expect(checkSessionLimits(nineteen.slice(0, 18), 'answer', 'y', limits)).toBeNull()
    expect(checkSessionLimits(nineteen, 'answer', 'y', limits)).toEqual({
      ok: false,
      code: 'limit:turns',
      message:
        'This interview has reached its limit of 20 turns. End the interview to have it graded.',
    })
  })

  it("caps the transcript's characters, counting the new turn", () => {
    const turns = turnsOf('question', 1, 'interviewer', 'q'.repeat(900))
    expect(checkSessionLimits(turns, 'answer', 'a'.repeat(100), limits)).toBeNull()
    expect(checkSessionLimits(turns, 'answer', 'a'.repeat(101), limits)).toMatchObject({
      code: 'limit:transcript',
      message: expect.stringMatching(/limit of 1,000 characters\. End the interview/),
    })
  })
})
