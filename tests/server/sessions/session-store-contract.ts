import { describe, expect, it } from 'vitest'
import type { SessionStore } from '../../../server/sessions/session-store.js'
import { SessionStoreError } from '../../../server/sessions/session-store-error.js'
import { makeGrade, makeSession, makeTurn } from '../../support/session-fixtures.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Long enough that a test never sees it expire by accident; short ones use SHORT_TTL_MS. */
const LONG_TTL_MS = 60_000
const SHORT_TTL_MS = 80
const NOW = '2026-01-01T01:00:00.000Z'

/**
 * The behaviour every SessionStore adapter must have. Each adapter's test file calls this with a
 * factory that returns a fresh, empty store (and cleans it up in its own hooks).
 */
export function describeSessionStoreContract(name: string, openStore: () => Promise<SessionStore>) {
  describe(`${name} (SessionStore contract)`, () => {
    it('stores a session and reads it back with no turns', async () => {
      const store = await openStore()
      const session = makeSession({ focus: 'step:2', mode: 'drill', parentId: null })
      await store.createSession(session)
      expect(await store.getSession(session.id)).toEqual({ ...session, turns: [] })
      expect(await store.getSession('missing')).toBeNull()
    })

    it('refuses a second session with the same id', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      await expect(store.createSession(makeSession())).rejects.toThrow(SessionStoreError)
    })

    it('assigns seq 1..n in order under concurrent appends', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.appendTurn(makeTurn({ id: `t${i}`, text: `answer ${i}`, clientId: `c${i}` })),
        ),
      )
      const seqs = results.map((r) => r.turn.seq).sort((a, b) => a - b)
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
      const stored = await store.getSession('session-1')
      expect(stored?.turns.map((t) => t.seq)).toEqual(seqs)
      for (const r of results) {
        expect(stored?.turns.find((t) => t.id === r.turn.id)).toEqual(r.turn)
      }
    })

    it('numbers each session separately and moves updatedAt to the latest turn', async () => {
      const store = await openStore()
      await store.createSession(makeSession({ id: 'a' }))
      await store.createSession(makeSession({ id: 'b' }))
      await store.appendTurn(makeTurn({ sessionId: 'a', id: 'x' }))
      const appended = await store.appendTurn(
        makeTurn({ sessionId: 'b', id: 'x', createdAt: '2026-01-01T00:09:00.000Z' }),
      )
      expect(appended.turn.seq).toBe(1)
      expect((await store.getSession('b'))?.updatedAt).toBe('2026-01-01T00:09:00.000Z')
    })

    it('stores a candidate turn once per clientId and returns the earlier one', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      const first = await store.appendTurn(makeTurn({ id: 'a', clientId: 'c-1', text: 'first' }))
      const retry = await store.appendTurn(makeTurn({ id: 'b', clientId: 'c-1', text: 'retry' }))
      expect(first.status).toBe('appended')
      expect(retry).toEqual({ status: 'duplicate', turn: first.turn })
      const other = await store.appendTurn(makeTurn({ id: 'c', clientId: 'c-2' }))
      expect(other.turn.seq).toBe(2)
      expect((await store.getSession('session-1'))?.turns.map((t) => t.id)).toEqual(['a', 'c'])
    })

    it('does not dedupe turns without a clientId', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      await store.appendTurn(makeTurn({ id: 'a', role: 'interviewer', kind: 'question' }))
      const second = await store.appendTurn(makeTurn({ id: 'b', role: 'interviewer' }))
      expect(second).toMatchObject({ status: 'appended', turn: { seq: 2 } })
    })

    it('rejects appends and updates for unknown sessions and turns', async () => {
      const store = await openStore()
      await expect(store.appendTurn(makeTurn({ sessionId: 'nope' }))).rejects.toThrow(
        SessionStoreError,
      )
      await expect(store.updateSession('nope', { status: 'ended' })).rejects.toThrow(
        SessionStoreError,
      )
      await store.createSession(makeSession())
      await expect(store.updateTurn('session-1', 'nope', { text: 'x' })).rejects.toThrow(
        SessionStoreError,
      )
    })

    it('completes a streamed interviewer turn with updateTurn', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      await store.appendTurn(
        makeTurn({ id: 'q', role: 'interviewer', kind: 'follow-up', text: '', completedAt: null }),
      )
      const patch = {
        text: 'What happens when the webhook arrives twice?',
        completedAt: '2026-01-01T00:02:00.000Z',
        hiddenNotes: 'probing idempotency',
        usage: { promptTokens: 120, completionTokens: 14 },
        leaksCaught: 1,
        target: 'step:3',
        provider: 'offline',
        model: 'offline-v1',
        probe: {
          target: 'step:3',
          question: 'What happens when the webhook arrives twice?',
          quote: null,
          move: 'open' as const,
        },
      }
      const updated = await store.updateTurn('session-1', 'q', patch)
      expect(updated).toMatchObject({ ...patch, id: 'q', seq: 1, role: 'interviewer' })
      expect((await store.getSession('session-1'))?.turns[0]).toEqual(updated)
    })

    it('updates status and updatedAt of a session', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      const ended = await store.updateSession('session-1', {
        status: 'ended',
        updatedAt: '2026-01-01T02:00:00.000Z',
      })
      expect(ended).toMatchObject({ status: 'ended', updatedAt: '2026-01-01T02:00:00.000Z' })
      expect(await store.getSession('session-1')).toMatchObject({ status: 'ended' })
    })

    it('lists an owner’s sessions newest first, in pages, with cursors', async () => {
      const store = await openStore()
      const minutes = [3, 1, 4, 1, 5, 9, 2, 6]
      for (const [i, m] of minutes.entries()) {
        const createdAt = `2026-01-01T00:0${m}:00.000Z`
        await store.createSession(makeSession({ id: `s${i}`, createdAt, updatedAt: createdAt }))
      }
      await store.createSession(makeSession({ id: 'theirs', ownerId: 'owner-2' }))
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const page = await store.listSessions('owner-1', { limit: 3, cursor })
        seen.push(...page.items.map((s) => s.id))
        cursor = page.nextCursor ?? undefined
        pages += 1
      } while (cursor)
      // Minutes 9,6,5,4,3,2 then the two at minute 1, tie broken by id descending.
      expect(seen).toEqual(['s5', 's7', 's4', 's2', 's0', 's6', 's3', 's1'])
      expect(pages).toBe(3)
      expect((await store.listSessions('owner-2', { limit: 10 })).items.map((s) => s.id)).toEqual([
        'theirs',
      ])
      await expect(store.listSessions('owner-1', { limit: 3, cursor: 'junk' })).rejects.toThrow(
        SessionStoreError,
      )
    })

    it('ends paging exactly at the last item', async () => {
      const store = await openStore()
      await store.createSession(makeSession({ id: 'a' }))
      await store.createSession(makeSession({ id: 'b' }))
      expect(await store.listSessions('owner-1', { limit: 2 })).toMatchObject({ nextCursor: null })
      expect(await store.listSessions('nobody', { limit: 2 })).toEqual({
        items: [],
        nextCursor: null,
      })
    })

    it('saves, replaces and reads grades', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      expect(await store.getGrade('session-1')).toBeNull()
      await store.saveGrade('session-1', makeGrade(4))
      await store.saveGrade('session-1', makeGrade(7.5))
      expect(await store.getGrade('session-1')).toEqual(makeGrade(7.5))
      await expect(store.saveGrade('nope', makeGrade(1))).rejects.toThrow(SessionStoreError)
    })

    it('sets, replaces and revokes share tokens', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      await store.setShareToken('session-1', 'tok-a')
      expect(await store.findSessionIdByShareToken('tok-a')).toBe('session-1')
      await store.setShareToken('session-1', 'tok-b')
      expect(await store.findSessionIdByShareToken('tok-a')).toBeNull()
      expect(await store.findSessionIdByShareToken('tok-b')).toBe('session-1')
      await store.setShareToken('session-1', null)
      expect(await store.findSessionIdByShareToken('tok-b')).toBeNull()
    })

    it('forks a session with its turns up to a seq', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      for (const i of [1, 2, 3]) {
        await store.appendTurn(makeTurn({ id: `t${i}`, text: `turn ${i}`, clientId: `c${i}` }))
      }
      const fork = makeSession({ id: 'fork', parentId: 'session-1', createdAt: '2026-02-01' })
      const forked = await store.forkSession('session-1', 2, fork)
      expect(forked).toMatchObject({
        ...fork,
        turns: [
          { id: 't1', seq: 1 },
          { id: 't2', seq: 2 },
        ],
      })
      expect(forked?.turns.every((t) => t.sessionId === 'fork')).toBe(true)
      // The fork continues on its own numbering, and its clientIds are its own copies.
      const next = await store.appendTurn(makeTurn({ sessionId: 'fork', id: 'n', clientId: 'c3' }))
      expect(next).toMatchObject({ status: 'appended', turn: { seq: 3 } })
      expect((await store.getSession('session-1'))?.turns).toHaveLength(3)
      expect(await store.forkSession('missing', 1, makeSession({ id: 'fork-2' }))).toBeNull()
    })

    it('returns copies: mutating a result does not change the store', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      const { turn } = await store.appendTurn(makeTurn())
      turn.text = 'mutated'
      const read = await store.getSession('session-1')
      if (read) read.options.followUpBudget = 99
      const again = await store.getSession('session-1')
      expect(again?.turns[0]?.text).not.toBe('mutated')
      expect(again?.options.followUpBudget).toBe(5)
    })

    it('grants a session lease to one holder at a time, re-entrant, and renews it', async () => {
      const store = await openStore()
      const first = await store.acquireLease('session-1', 'a', LONG_TTL_MS)
      expect(first).toEqual({
        status: 'acquired',
        lease: { sessionId: 'session-1', holder: 'a', token: expect.any(Number) },
      })
      const other = await store.acquireLease('session-1', 'b', LONG_TTL_MS)
      expect(other).toMatchObject({ status: 'held', holder: 'a' })
      if (other.status === 'held') {
        expect(other.retryInMs).toBeGreaterThan(LONG_TTL_MS - 5_000)
        expect(other.retryInMs).toBeLessThanOrEqual(LONG_TTL_MS)
      }
      // The holder asking again keeps its token; another session's lease is separate.
      expect(await store.acquireLease('session-1', 'a', LONG_TTL_MS)).toEqual(first)
      expect(await store.acquireLease('session-2', 'b', LONG_TTL_MS)).toMatchObject({
        status: 'acquired',
      })
      if (first.status !== 'acquired') throw new Error('unreachable')
      expect(await store.renewLease(first.lease, LONG_TTL_MS)).toBe(true)
      expect(await store.renewLease({ ...first.lease, holder: 'b' }, LONG_TTL_MS)).toBe(false)
    })

    it('lets another holder take over an expired or released lease with a higher token', async () => {
      const store = await openStore()
      const a = await store.acquireLease('session-1', 'a', SHORT_TTL_MS)
      if (a.status !== 'acquired') throw new Error('expected the lease')
      await sleep(SHORT_TTL_MS + 60)
      expect(await store.renewLease(a.lease, LONG_TTL_MS)).toBe(false)
      const b = await store.acquireLease('session-1', 'b', LONG_TTL_MS)
      if (b.status !== 'acquired') throw new Error('expected a takeover')
      expect(b.lease.token).toBeGreaterThan(a.lease.token)
      // The stale holder's release does not free the new holder's lease.
      await store.releaseLease(a.lease)
      expect(await store.acquireLease('session-1', 'c', LONG_TTL_MS)).toMatchObject({
        status: 'held',
        holder: 'b',
      })
      await store.releaseLease(b.lease)
      expect(await store.renewLease(b.lease, LONG_TTL_MS)).toBe(false)
      const c = await store.acquireLease('session-1', 'c', LONG_TTL_MS)
      if (c.status !== 'acquired') throw new Error('expected the released lease')
      expect(c.lease.token).toBeGreaterThan(b.lease.token)
    })

    it('refuses turn writes fenced by a superseded lease token', async () => {
      const store = await openStore()
      await store.createSession(makeSession())
      const a = await store.acquireLease('session-1', 'a', SHORT_TTL_MS)
      if (a.status !== 'acquired') throw new Error('expected the lease')
      const fence = { fence: a.lease }
      const q = makeTurn({ id: 'q', role: 'interviewer', kind: 'question', completedAt: null })
      await store.appendTurn(q, fence)
      await store.updateTurn('session-1', 'q', { text: 'first words' }, fence)
      await sleep(SHORT_TTL_MS + 60)
      const b = await store.acquireLease('session-1', 'b', LONG_TTL_MS)
      if (b.status !== 'acquired') throw new Error('expected a takeover')
      const stale = store.appendTurn(makeTurn({ id: 'late', clientId: 'c-late' }), fence)
      await expect(stale).rejects.toMatchObject({ code: 'fenced' })
      await expect(
        store.updateTurn('session-1', 'q', { text: 'stale words' }, fence),
      ).rejects.toMatchObject({ code: 'fenced' })
      // The new holder writes; unfenced writes (no lease asked for) are not checked.
      await store.updateTurn('session-1', 'q', { text: 'new words' }, { fence: b.lease })
      await store.appendTurn(makeTurn({ id: 'next', clientId: 'c-next' }), { fence: b.lease })
      const turns = (await store.getSession('session-1'))?.turns ?? []
      expect(turns.map((t) => [t.id, t.text])).toEqual([
        ['q', 'new words'],
        ['next', makeTurn().text],
      ])
    })

    it('keeps grading jobs: queued, claimed once, renewed, finished', async () => {
      const store = await openStore()
      expect(await store.getGradingJob('session-1')).toBeNull()
      expect(await store.enqueueGradingJob('session-1', NOW)).toBe('queued')
      expect(await store.enqueueGradingJob('session-1', NOW)).toBe('already')
      expect(await store.getGradingJob('session-1')).toEqual({
        sessionId: 'session-1',
        state: 'queued',
        message: 'Waiting to be graded.',
        attempts: 0,
        holder: null,
        updatedAt: NOW,
      })
      expect(await store.listOpenGradingJobs()).toEqual(['session-1'])
      const claim = { holder: 'a', ttlMs: LONG_TTL_MS, maxAttempts: 3, now: NOW }
      expect(await store.claimGradingJob('session-1', claim)).toMatchObject({
        status: 'claimed',
        job: { state: 'running', attempts: 1, holder: 'a' },
      })
      expect(await store.claimGradingJob('session-1', { ...claim, holder: 'b' })).toEqual({
        status: 'busy',
      })
      expect(await store.enqueueGradingJob('session-1', NOW)).toBe('already')
      // Its holder is alive (the lease is live): not interrupted.
      expect((await store.getGradingJob('session-1'))?.interrupted).toBeUndefined()
      expect(await store.renewGradingJob('session-1', 'a', LONG_TTL_MS, 'Half way.')).toBe(true)
      expect(await store.renewGradingJob('session-1', 'b', LONG_TTL_MS, null)).toBe(false)
      expect((await store.getGradingJob('session-1'))?.message).toBe('Half way.')
      const done = { state: 'done' as const, message: null, now: '2026-01-01T01:01:00.000Z' }
      expect(await store.finishGradingJob('session-1', 'b', done)).toBe(false)
      expect(await store.finishGradingJob('session-1', 'a', done)).toBe(true)
      expect(await store.getGradingJob('session-1')).toEqual({
        sessionId: 'session-1',
        state: 'done',
        message: null,
        attempts: 1,
        holder: null,
        updatedAt: '2026-01-01T01:01:00.000Z',
      })
      expect(await store.listOpenGradingJobs()).toEqual([])
      expect(await store.claimGradingJob('session-1', claim)).toEqual({ status: 'none' })
      expect(await store.claimGradingJob('nothing', claim)).toEqual({ status: 'none' })
      // A finished job can be queued again (a re-grade), with fresh attempts.
      expect(await store.enqueueGradingJob('session-1', NOW)).toBe('queued')
      expect((await store.getGradingJob('session-1'))?.attempts).toBe(0)
    })

    it('hands a job whose holder stopped renewing to another, then gives up after maxAttempts', async () => {
      const store = await openStore()
      await store.enqueueGradingJob('session-1', NOW)
      const claim = { ttlMs: SHORT_TTL_MS, maxAttempts: 2, now: NOW }
      expect(await store.claimGradingJob('session-1', { ...claim, holder: 'a' })).toMatchObject({
        status: 'claimed',
      })
      // A run whose holder stopped renewing reads as interrupted (issue 11, item 4).
      await sleep(SHORT_TTL_MS + 60)
      expect(await store.getGradingJob('session-1')).toMatchObject({
        state: 'running',
        interrupted: true,
      })
      expect(await store.listOpenGradingJobs()).toEqual(['session-1'])
      expect(await store.claimGradingJob('session-1', { ...claim, holder: 'b' })).toMatchObject({
        status: 'claimed',
        job: { attempts: 2, holder: 'b' },
      })
      // The first holder woke up too late: its renewal and its result are refused.
      expect(await store.renewGradingJob('session-1', 'a', LONG_TTL_MS, null)).toBe(false)
      const late = { state: 'done' as const, message: null, now: NOW }
      expect(await store.finishGradingJob('session-1', 'a', late)).toBe(false)
      await sleep(SHORT_TTL_MS + 60)
      const gaveUp = await store.claimGradingJob('session-1', { ...claim, holder: 'c' })
      expect(gaveUp).toMatchObject({
        status: 'gave-up',
        job: { state: 'failed', attempts: 2, holder: null },
      })
      if (gaveUp.status === 'gave-up') expect(gaveUp.job.message).toMatch(/gave up after 2/)
      expect(await store.listOpenGradingJobs()).toEqual([])
      expect(await store.getGradingJob('session-1')).toMatchObject({ state: 'failed' })
    })

    it('adds to counters atomically, gives back, and forgets a counter after its TTL', async () => {
      const store = await openStore()
      const hits = await Promise.all(
        Array.from({ length: 20 }, () => store.addToCounter('rate:a', 1, LONG_TTL_MS)),
      )
      expect([...hits].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      expect(await store.addToCounter('rate:a', -5, LONG_TTL_MS)).toBe(15)
      expect(await store.addToCounter('rate:b', 3, LONG_TTL_MS)).toBe(3)
      expect(await store.addToCounter('short', 2, SHORT_TTL_MS)).toBe(2)
      await sleep(SHORT_TTL_MS * 3)
      expect(await store.addToCounter('short', 1, SHORT_TTL_MS)).toBe(1)
      expect(await store.addToCounter('rate:a', 0, LONG_TTL_MS)).toBe(15)
    })
  })
}
