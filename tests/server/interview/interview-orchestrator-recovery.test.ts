import { describe, expect, it } from 'vitest'
import { ANSWER, setup } from './fixtures/orchestrator-harness.js'

describe('interview orchestrator: clock and crash recovery', () => {
  it('closes when the time is up, keeping the late answer', async () => {
    const { orchestrator, session, send, messages, store, testClock } = await setup({
      session: { options: { followUpBudget: 5, timeLimitMinutes: 10 } },
    })
    testClock.advance(11 * 60_000)
    await send({ type: 'answer', clientId: 'late', text: ANSWER })
    await orchestrator.idle(session.id)
    const turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.kind)).toEqual(['answer', 'closing'])
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'time' })
  })

  it('ends an idle session whose clock ran out', async () => {
    const { orchestrator, session, messages, testClock } = await setup({
      session: { options: { followUpBudget: 5, timeLimitMinutes: 10 } },
    })
    await orchestrator.checkDeadline(session.id)
    expect(messages).toEqual([])
    testClock.advance(10 * 60_000)
    await orchestrator.checkDeadline(session.id)
    await orchestrator.idle(session.id)
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'time' })
  })

  it('after a crash, answers a stored but unanswered answer and re-streams a cut-off turn', async () => {
    const { orchestrator, session, store, messages } = await setup()
    const base = {
      sessionId: session.id,
      createdAt: session.createdAt,
      target: null,
      hiddenNotes: null,
      provider: null,
      model: null,
      usage: null,
      leaksCaught: 0,
    }
    await store.appendTurn({
      ...base,
      id: 'c1',
      role: 'candidate',
      kind: 'answer',
      text: ANSWER,
      clientId: 'a1',
      completedAt: session.createdAt,
    })
    await orchestrator.resumePending(session.id)
    await orchestrator.idle(session.id)
    let turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.kind)).toEqual(['answer', 'follow-up'])

    await store.appendTurn({
      ...base,
      id: 'c2',
      role: 'candidate',
      kind: 'answer',
      text: 'More.',
      clientId: 'a2',
      completedAt: session.createdAt,
    })
    await store.appendTurn({
      ...base,
      id: 'cut',
      role: 'interviewer',
      kind: 'follow-up',
      text: '',
      clientId: null,
      completedAt: null,
    })
    messages.length = 0
    await orchestrator.resumePending(session.id)
    await orchestrator.idle(session.id)
    turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.id)).toEqual([turns[0]!.id, turns[1]!.id, 'c2', 'cut'])
    expect(turns.at(-1)!.completedAt).not.toBeNull()
    expect(turns.at(-1)!.text.length).toBeGreaterThan(10)
    expect(messages[0]).toMatchObject({ type: 'turn-start', turn: { id: 'cut' } })
  })
})
