import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../server/app.js'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { createBrowser } from '../../support/http-client.js'
import { makeGrade, makeTurn } from '../../support/session-fixtures.js'
import { createTestDeps } from '../../support/test-deps.js'

function setup() {
  const deps = createTestDeps()
  const app = createApp(deps)
  return { deps, app, alice: createBrowser(app), bob: createBrowser(app) }
}

const mock = { questionId: 'sample-question', mode: 'mock' }

describe('POST /api/sessions', () => {
  it('starts a mock session owned by the caller, with default options', async () => {
    const { alice, deps } = setup()
    const res = await alice.post('/api/sessions', mock)
    expect(res.status).toBe(201)
    const session = await res.json()
    expect(session).toEqual({
      id: 'id-2',
      ownerId: 'id-1',
      questionId: 'sample-question',
      mode: 'mock',
      focus: null,
      options: { followUpBudget: 5, timeLimitMinutes: 45 },
      status: 'active',
      parentId: null,
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-01T09:00:00.000Z',
    })
    expect(await deps.store.getSession('id-2')).toMatchObject({ ownerId: 'id-1', turns: [] })
  })

  it('starts a drill on a framework step or a competency, in the bank’s spelling', async () => {
    const { alice } = setup()
    const options = { followUpBudget: 8, timeLimitMinutes: null }
    const step = await alice.post('/api/sessions', {
      ...mock,
      mode: 'drill',
      focus: 'step:2',
      options,
    })
    expect(await step.json()).toMatchObject({ mode: 'drill', focus: 'step:2', options })
    const competency = await alice.post('/api/sessions', {
      ...mock,
      mode: 'drill',
      focus: 'competency:distributed systems',
    })
    expect(await competency.json()).toMatchObject({ focus: 'competency:Distributed Systems' })
    // A weak rubric criterion, drilled from history.
    const criterion = await alice.post('/api/sessions', {
      ...mock,
      mode: 'drill',
      focus: 'criterion:root cause',
    })
    expect(await criterion.json()).toMatchObject({ focus: 'criterion:Root cause' })
  })

  it.each([
    [{ ...mock, mode: 'drill' }, 'invalid:focus', /needs a focus/],
    [{ ...mock, mode: 'drill', focus: 'step:9' }, 'invalid:focus', /no framework step 9/],
    [{ ...mock, mode: 'drill', focus: 'competency:Cooking' }, 'invalid:focus', /Cooking/],
    [{ ...mock, mode: 'drill', focus: 'criterion:Vibes' }, 'invalid:focus', /criterion "Vibes"/],
    [{ ...mock, mode: 'drill', focus: 'vibes' }, 'invalid:focus', /step:<number>/],
    [{ ...mock, focus: 'step:1' }, 'invalid:focus', /drill sessions only/],
    [{ ...mock, mode: 'panel' }, 'invalid:json', /mode/],
    [{ ...mock, options: { followUpBudget: 0 } }, 'invalid:json', /followUpBudget/],
  ])('rejects %j with 400', async (body, code, message) => {
    const { alice } = setup()
    const res = await alice.post('/api/sessions', body)
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
  })

  it('answers 404 for a question not in the bank', async () => {
    const { alice } = setup()
    const res = await alice.post('/api/sessions', { ...mock, questionId: 'no-such-question' })
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found:question')
  })
})

describe('GET /api/sessions', () => {
  it('lists my sessions newest first, paged, with title and latest score', async () => {
    const { alice, bob, deps } = setup()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await (await alice.post('/api/sessions', mock)).json()).id)
      deps.testClock.advance(60_000)
    }
    await bob.post('/api/sessions', mock)
    await deps.store.saveGrade(ids[4] ?? '', makeGrade(6.5))

    const first = await (await alice.get('/api/sessions?limit=2')).json()
    expect(first.items.map((s: { id: string }) => s.id)).toEqual([ids[4], ids[3]])
    expect(first.items[0]).toMatchObject({
      questionTitle: 'The Double-Charged Customer',
      overallScore: 6.5,
    })
    expect(first.items[1].overallScore).toBeNull()
    const cursor = encodeURIComponent(first.nextCursor)
    const second = await (await alice.get(`/api/sessions?limit=2&cursor=${cursor}`)).json()
    const third = await (
      await alice.get(`/api/sessions?limit=2&cursor=${encodeURIComponent(second.nextCursor)}`)
    ).json()
    expect([...second.items, ...third.items].map((s: { id: string }) => s.id)).toEqual([
      ids[2],
      ids[1],
      ids[0],
    ])
    expect(third.nextCursor).toBeNull()
  })

  it('rejects a made-up cursor and a bad limit', async () => {
    const { alice } = setup()
    const bad = await alice.get('/api/sessions?cursor=made-up')
    expect((await bad.json()).error.code).toBe('invalid:cursor')
    expect((await alice.get('/api/sessions?limit=500')).status).toBe(400)
  })
})

describe('GET /api/sessions/:id and POST /api/sessions/:id/end', () => {
  it('returns the transcript, hiding the grader’s notes until the session ends', async () => {
    const { alice, deps } = setup()
    const { id } = await (await alice.post('/api/sessions', mock)).json()
    const notes = 'Probing idempotency; candidate has not mentioned keys yet.'
    await deps.store.appendTurn(
      makeTurn({
        sessionId: id,
        id: 'q1',
        role: 'interviewer',
        kind: 'question',
        hiddenNotes: notes,
      }),
    )
    await deps.store.appendTurn(makeTurn({ sessionId: id, id: 'a1', clientId: 'c1' }))

    const active = await (await alice.get(`/api/sessions/${id}`)).json()
    expect(active.turns.map((t: { id: string }) => t.id)).toEqual(['q1', 'a1'])
    expect(active.turns[0].hiddenNotes).toBeNull()
    expect(JSON.stringify(active)).not.toContain('Probing idempotency')

    deps.testClock.advance(5 * 60_000)
    const ended = await alice.post(`/api/sessions/${id}/end`)
    expect(await ended.json()).toMatchObject({
      status: 'ended',
      updatedAt: '2026-01-01T09:05:00.000Z',
    })
    const after = await (await alice.get(`/api/sessions/${id}`)).json()
    expect(after.turns[0].hiddenNotes).toBe(notes)

    deps.testClock.advance(60_000)
    const again = await (await alice.post(`/api/sessions/${id}/end`)).json()
    expect(again.updatedAt).toBe('2026-01-01T09:05:00.000Z')
  })

  it('forks a session from a turn ("retry from here")', async () => {
    const { alice, deps } = setup()
    const { id } = await (await alice.post('/api/sessions', mock)).json()
    for (const n of [1, 2, 3]) {
      await deps.store.appendTurn(makeTurn({ sessionId: id, id: `t${n}`, clientId: `c${n}` }))
    }
    const res = await alice.post(`/api/sessions/${id}/fork`, { uptoSeq: 2 })
    expect(res.status).toBe(201)
    const fork = await res.json()
    expect(fork).toMatchObject({ parentId: id, status: 'active', ownerId: 'id-1' })
    expect(fork.id).not.toBe(id)
    expect(fork.turns.map((t: { id: string }) => t.id)).toEqual(['t1', 't2'])
    const missing = await alice.post(`/api/sessions/${id}/fork`, { uptoSeq: 7 })
    expect((await missing.json()).error.code).toBe('invalid:seq')
  })
})

describe('ownership', () => {
  it('answers 404 not_found:session to another identity on every route', async () => {
    const { alice, bob } = setup()
    const { id } = await (await alice.post('/api/sessions', mock)).json()
    await bob.get('/api/sessions')
    for (const res of [
      await bob.get(`/api/sessions/${id}`),
      await bob.post(`/api/sessions/${id}/end`),
      await bob.post(`/api/sessions/${id}/fork`, { uptoSeq: 1 }),
    ]) {
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('not_found:session')
    }
    expect((await (await bob.get('/api/sessions')).json()).items).toEqual([])
    expect((await (await alice.get(`/api/sessions/${id}`)).json()).status).toBe('active')
  })

  it('answers 404 for a session that does not exist', async () => {
    const { alice } = setup()
    const res = await alice.get('/api/sessions/nope')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found:session')
  })
})

it('documents the session routes in /api/openapi.json', async () => {
  const { alice } = setup()
  const doc = await (await alice.get('/api/openapi.json')).json()
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/sessions',
      '/api/sessions/{id}',
      '/api/sessions/{id}/end',
      '/api/sessions/{id}/fork',
    ]),
  )
  expect(Object.keys(doc.paths['/api/sessions'])).toEqual(expect.arrayContaining(['get', 'post']))
})

it('answers 500 without internals for a corrupt stored row, and keeps serving', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-routes-'))
  const store = SqliteSessionStore.open(join(dir, 'sparring.db'))
  try {
    const app = createApp(createTestDeps({ store }))
    const alice = createBrowser(app)
    const { id } = await (await alice.post('/api/sessions', mock)).json()
    const raw = new Database(join(dir, 'sparring.db'))
    raw.prepare(`UPDATE sessions SET options_json = '{"followUpBudget":"many"}'`).run()
    raw.close()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await alice.get(`/api/sessions/${id}`)
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({
      error: {
        code: 'internal',
        message: 'Something went wrong on our side.',
        requestId: expect.any(String),
      },
    })
    expect(String(errors.mock.calls[0]?.[1])).toContain('is corrupt: options.followUpBudget')
    errors.mockRestore()
    expect((await alice.post('/api/sessions', mock)).status).toBe(201)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
