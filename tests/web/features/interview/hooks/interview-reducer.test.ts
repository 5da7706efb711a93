import { describe, expect, it } from 'vitest'
import {
  initialInterviewState,
  interviewReducer,
  needsResume,
  type InterviewState,
} from '../../../../../web/src/features/interview/hooks/interview-reducer.js'
import type { ServerMessage } from '../../../../../web/src/shared/contract/protocol-contract.js'
import { makeTurn, progress, stateMessage } from '../../../support/fixtures.js'

const opening = makeTurn({ id: 'i1', seq: 1, text: 'Why did it pay twice?' })
const streamingTurn = makeTurn({ id: 'i2', seq: 3, kind: 'follow-up', completedAt: null })
const answer = makeTurn({
  id: 'c1',
  seq: 2,
  role: 'candidate',
  kind: 'answer',
  text: 'A race.',
  clientId: 'k1',
})

function apply(
  messages: ServerMessage[],
  from: InterviewState = initialInterviewState,
): InterviewState {
  return messages.reduce(
    (s, message) => interviewReducer(s, { type: 'server-message', message }),
    from,
  )
}

const conversation: ServerMessage[] = [
  stateMessage(1, [opening]),
  { type: 'turn-start', seq: 2, turn: answer },
  { type: 'turn-start', seq: 3, turn: streamingTurn },
  { type: 'token-delta', seq: 4, turnId: 'i2', text: 'How would ' },
  { type: 'token-delta', seq: 5, turnId: 'i2', text: 'you know?' },
  {
    type: 'turn-end',
    seq: 6,
    turn: {
      ...streamingTurn,
      text: 'How would you know?',
      completedAt: '2026-11-29T10:01:00.000Z',
    },
    progress: { ...progress, followUpsAsked: 1 },
  },
]

describe('interviewReducer', () => {
  it('builds the transcript from a snapshot, echoes and streamed tokens', () => {
    const state = apply(conversation.slice(0, 5))
    expect(state.lastSeq).toBe(5)
    expect(state.turns.map((t) => [t.id, t.text])).toEqual([
      ['i1', 'Why did it pay twice?'],
      ['c1', 'A race.'],
      ['i2', 'How would you know?'],
    ])
    expect(state.provider).toEqual({ provider: 'offline', model: 'offline' })
  })

  it('takes the final text and progress from turn-end', () => {
    const state = apply(conversation)
    expect(state.turns.at(-1)?.completedAt).not.toBeNull()
    expect(state.progress?.followUpsAsked).toBe(1)
  })

  it('ignores duplicates, so a replay after resume changes nothing', () => {
    const once = apply(conversation)
    const replayed = apply(conversation.slice(1), once)
    expect(replayed).toEqual(once)
    expect(replayed.turns.at(-1)?.text).toBe('How would you know?')
  })

  it('does not double a token delivered twice', () => {
    const state = apply([
      ...conversation.slice(0, 4),
      conversation[3]!,
      conversation[4]!,
      conversation[4]!,
    ])
    expect(state.turns.find((t) => t.id === 'i2')?.text).toBe('How would you know?')
  })

  it('replaces the streamed text on a turn-revise, and appends later deltas to it', () => {
    const revised: ServerMessage[] = [
      ...conversation.slice(0, 3),
      { type: 'token-delta', seq: 4, turnId: 'i2', text: 'Fair. What would you check first?' },
      { type: 'token-delta', seq: 5, turnId: 'i2', text: ' And' },
      { type: 'turn-revise', seq: 6, turnId: 'i2', text: 'Fair. And' },
      { type: 'token-delta', seq: 7, turnId: 'i2', text: ' then?' },
    ]
    const textOf = (state: InterviewState) => state.turns.find((t) => t.id === 'i2')?.text
    expect(textOf(apply(revised.slice(0, 5)))).toBe('Fair. What would you check first? And')
    expect(textOf(apply(revised.slice(0, 6)))).toBe('Fair. And')
    expect(textOf(apply(revised))).toBe('Fair. And then?')
    // In seq order whatever the arrival order, and once: a replayed revision changes nothing.
    const shuffled = apply([revised[0]!, revised[6]!, revised[5]!, ...revised.slice(1, 5)])
    expect(textOf(shuffled)).toBe('Fair. And then?')
    expect(apply(revised.slice(3), shuffled)).toEqual(shuffled)
  })

  it('leaves a completed turn alone when a late revision arrives for it', () => {
    const ended = apply(conversation)
    const late = apply([{ type: 'turn-revise', seq: 7, turnId: 'i2', text: 'stale' }], ended)
    expect(late.turns.at(-1)?.text).toBe('How would you know?')
  })

  it('buffers messages ahead of a gap and applies them in order once it fills', () => {
    const [snap, echo, start, d1, d2] = conversation
    const gapped = apply([snap!, echo!, start!, d2!])
    expect(gapped.lastSeq).toBe(3)
    expect(Object.keys(gapped.pending)).toEqual(['5'])
    expect(gapped.turns.find((t) => t.id === 'i2')?.text).toBe('')
    expect(needsResume(gapped)).toBe(true)

    const filled = apply([d1!], gapped)
    expect(filled.lastSeq).toBe(5)
    expect(filled.pending).toEqual({})
    expect(filled.turns.find((t) => t.id === 'i2')?.text).toBe('How would you know?')
  })

  it('ends with the same state whatever order the messages arrive in', () => {
    const inOrder = apply(conversation)
    const shuffled = apply([
      conversation[0]!,
      conversation[4]!,
      conversation[2]!,
      conversation[5]!,
      conversation[1]!,
      conversation[3]!,
    ])
    expect(shuffled.turns).toEqual(inOrder.turns)
    expect(shuffled.lastSeq).toBe(6)
  })

  it('asks for a resume once per gap', () => {
    const gapped = apply([conversation[0]!, conversation[3]!])
    expect(needsResume(gapped)).toBe(true)
    const asked = interviewReducer(gapped, { type: 'resume-requested', afterSeq: gapped.lastSeq })
    expect(needsResume(asked)).toBe(false)
    // A new connection may need to ask again.
    const reconnected = interviewReducer(asked, { type: 'connection-changed', connection: 'open' })
    expect(needsResume(reconnected)).toBe(true)
  })

  it('moves past a gap the resume could not fill, applying what was buffered in order', () => {
    const gapped = apply([
      conversation[0]!,
      conversation[1]!,
      conversation[2]!,
      conversation[4]!,
      conversation[5]!,
    ])
    const asked = interviewReducer(gapped, { type: 'resume-requested', afterSeq: 3 })
    const moved = interviewReducer(asked, { type: 'gap-accepted' })
    expect(moved.lastSeq).toBe(6)
    expect(moved.pending).toEqual({})
    expect(moved.turns.at(-1)?.text).toBe('How would you know?')
    // The late message, if it ever comes, is a duplicate now.
    expect(apply([conversation[3]!], moved)).toBe(moved)
    expect(interviewReducer(moved, { type: 'gap-accepted' })).toBe(moved)
  })

  it('lets a newer snapshot replace the transcript and settle buffered messages', () => {
    const gapped = apply([conversation[0]!, conversation[4]!, conversation[5]!])
    const resumed = apply(
      [stateMessage(5, [opening, answer, { ...streamingTurn, text: 'How would you know?' }])],
      gapped,
    )
    expect(resumed.lastSeq).toBe(6)
    expect(resumed.pending).toEqual({})
    expect(resumed.turns.map((t) => t.id)).toEqual(['i1', 'c1', 'i2'])
    expect(resumed.turns.at(-1)?.completedAt).not.toBeNull()
  })

  it('ignores a snapshot older than what it has', () => {
    const state = apply(conversation)
    expect(apply([stateMessage(2, [opening])], state)).toBe(state)
  })

  it('drops an outbox answer once the server echoes its clientId', () => {
    const withOutbox = interviewReducer(apply(conversation.slice(0, 1)), {
      type: 'outbox-added',
      item: { clientId: 'k1', kind: 'answer', text: 'A race.' },
    })
    expect(withOutbox.outbox).toHaveLength(1)
    expect(apply([conversation[1]!], withOutbox).outbox).toEqual([])
  })

  it('marks unacknowledged sends failed on an error frame, outside the seq order', () => {
    const base = interviewReducer(apply(conversation.slice(0, 1)), {
      type: 'outbox-added',
      item: { clientId: 'k9', kind: 'answer', text: 'x' },
    })
    const state = apply(
      [{ type: 'error', seq: 1, code: 'invalid:too_long', message: 'Too long' }],
      base,
    )
    expect(state.lastError).toEqual({ code: 'invalid:too_long', message: 'Too long' })
    expect(state.outbox[0]?.failed).toBe('Too long')
    expect(state.lastSeq).toBe(1)
  })

  it("shows a server fault's request id with its message, for the user to report", () => {
    const state = apply([
      ...conversation.slice(0, 1),
      { type: 'error', seq: 1, code: 'internal', message: 'Failed.', requestId: 'r-7' },
    ])
    expect(state.lastError).toEqual({ code: 'internal', message: 'Failed. (request id r-7)' })
  })

  it('does not count a pong or error as a session message, so the next broadcast applies', () => {
    const state = apply([
      ...conversation.slice(0, 2),
      { type: 'pong', seq: 2 },
      { type: 'error', seq: 2, code: 'conflict:turn_in_progress', message: 'Wait' },
      conversation[2]!,
    ])
    expect(state.lastSeq).toBe(3)
    expect(state.pending).toEqual({})
    expect(state.turns.map((t) => t.id)).toEqual(['i1', 'c1', 'i2'])
  })

  it('records the end, notices and grading progress', () => {
    const state = apply([
      ...conversation,
      { type: 'notice', seq: 7, level: 'warning', code: 'budget', message: 'Last follow-up' },
      { type: 'session-ended', seq: 8, reason: 'budget' },
      { type: 'grade-progress', seq: 9, stage: 'grading', message: 'Grading 2 of 5', grade: null },
    ])
    expect(state.ended).toBe('budget')
    expect(state.session?.status).toBe('ended')
    expect(state.notices.map((n) => n.message)).toEqual(['Last follow-up'])
    expect(state.grade).toEqual({ stage: 'grading', message: 'Grading 2 of 5', grade: null })
  })

  it('shows "the model is slow" only until its turn streams text', () => {
    const slow: ServerMessage = {
      type: 'notice',
      seq: 4,
      level: 'info',
      code: 'provider:slow',
      turnId: 'i2',
      message: 'The model is slow to answer; still waiting for it.',
    }
    const waiting = apply([...conversation.slice(0, 3), slow])
    expect(waiting.notices.map((n) => n.code)).toEqual(['provider:slow'])
    const other: ServerMessage = {
      type: 'notice',
      seq: 5,
      level: 'warning',
      code: 'provider:stalled',
      turnId: 'i2',
      message: 'stopped',
    }
    const streaming = apply(
      [other, { type: 'token-delta', seq: 6, turnId: 'i2', text: 'How would ' }],
      waiting,
    )
    expect(streaming.notices.map((n) => n.code)).toEqual(['provider:stalled'])
    expect(streaming.turns.find((t) => t.id === 'i2')?.text).toBe('How would ')
  })
})
