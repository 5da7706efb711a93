import { describe, expect, it } from 'vitest'
import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import { createSessionService, toTranscriptView } from '../../../server/sessions/session-service.js'
import { makeSampleBank } from '../../support/sample-question.js'
import { makeTurn } from '../../support/session-fixtures.js'
import { createCounterIds, createTestClock } from '../../support/test-deps.js'

function setup() {
  const store = new MemorySessionStore()
  const clock = createTestClock('2026-05-01T08:00:00.000Z')
  const service = createSessionService({
    store,
    bank: makeSampleBank(),
    clock: clock.now,
    newId: createCounterIds('s'),
  })
  return { store, clock, service }
}

describe('session service', () => {
  it('takes ids and times from its injected generator and clock', async () => {
    const { service, clock } = setup()
    const first = await service.startSession('me', { questionId: 'sample-question', mode: 'mock' })
    clock.advance(1000)
    const second = await service.startSession('me', { questionId: 'sample-question', mode: 'mock' })
    expect(first.ok && [first.value.id, first.value.createdAt]).toEqual([
      's-1',
      '2026-05-01T08:00:00.000Z',
    ])
    expect(second.ok && [second.value.id, second.value.createdAt]).toEqual([
      's-2',
      '2026-05-01T08:00:01.000Z',
    ])
  })

  it('keeps explicit options and fills the rest from the defaults', async () => {
    const { service } = setup()
    const started = await service.startSession('me', {
      questionId: 'sample-question',
      mode: 'mock',
      options: { timeLimitMinutes: 20 },
    })
    expect(started.ok && started.value.options).toEqual({ followUpBudget: 5, timeLimitMinutes: 20 })
  })

  it('treats another owner’s session as absent', async () => {
    const { service } = setup()
    const started = await service.startSession('me', {
      questionId: 'sample-question',
      mode: 'mock',
    })
    const id = started.ok ? started.value.id : ''
    expect(await service.getOwnSession('you', id)).toEqual({
      ok: false,
      failure: { kind: 'not_found', subject: 'session', id },
    })
    expect((await service.endSession('you', id)).ok).toBe(false)
    expect((await service.getOwnSession('me', id)).ok).toBe(true)
  })

  it('forks from a turn: same question and options, a new id, the parent recorded', async () => {
    const { service, store, clock } = setup()
    const started = await service.startSession('me', {
      questionId: 'sample-question',
      mode: 'drill',
      focus: 'step:3',
    })
    const id = started.ok ? started.value.id : ''
    await store.appendTurn(makeTurn({ sessionId: id, id: 't1' }))
    await store.appendTurn(makeTurn({ sessionId: id, id: 't2' }))
    await service.endSession('me', id)
    clock.advance(60_000)
    const forked = await service.forkSession('me', id, 1)
    expect(forked.ok && forked.value).toMatchObject({
      id: 's-2',
      parentId: id,
      status: 'active',
      mode: 'drill',
      focus: 'step:3',
      createdAt: '2026-05-01T08:01:00.000Z',
      turns: [{ id: 't1', seq: 1, sessionId: 's-2' }],
    })
  })

  it('hides hidden notes only while the session is active', () => {
    const turn = { ...makeTurn({ hiddenNotes: 'secret' }), seq: 1 }
    const session = {
      id: 's',
      ownerId: 'me',
      questionId: 'sample-question',
      mode: 'mock' as const,
      focus: null,
      options: { followUpBudget: 5, timeLimitMinutes: 45 },
      parentId: null,
      createdAt: '',
      updatedAt: '',
      turns: [turn],
    }
    expect(toTranscriptView({ ...session, status: 'active' }).turns[0]?.hiddenNotes).toBeNull()
    expect(toTranscriptView({ ...session, status: 'ended' }).turns[0]?.hiddenNotes).toBe('secret')
  })
})
