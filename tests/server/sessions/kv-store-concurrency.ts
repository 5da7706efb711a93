import { describe, expect, it } from 'vitest'
import type { SessionStore } from '../../../server/sessions/session-store.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'

/**
 * Several server instances on one Redis: `openPair` returns two stores with separate
 * connections to the same data (the same key prefix), fresh for each test.
 */
export function describeCrossInstanceAppends(
  name: string,
  openPair: () => Promise<[SessionStore, SessionStore]>,
) {
  describe(`${name}: two instances on one Redis`, () => {
    it('gives 50 concurrent appends from both instances seqs 1..50, no gaps or duplicates', async () => {
      const [a, b] = await openPair()
      await a.createSession(makeSession())
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 === 0 ? a : b).appendTurn(makeTurn({ id: `t${i}`, clientId: `c${i}` })),
        ),
      )
      const seqs = results.map((r) => r.turn.seq).sort((x, y) => x - y)
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
      expect(results.every((r) => r.status === 'appended')).toBe(true)
      const [fromA, fromB] = await Promise.all([
        a.getSession('session-1'),
        b.getSession('session-1'),
      ])
      expect(fromA?.turns.map((t) => t.seq)).toEqual(seqs)
      expect(fromB).toEqual(fromA)
    })

    it('stores a clientId retried on both instances at once exactly once', async () => {
      const [a, b] = await openPair()
      await a.createSession(makeSession())
      const sends = Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? a : b).appendTurn(makeTurn({ id: `try-${i}`, clientId: 'same-send' })),
      )
      const results = await Promise.all(sends)
      expect(results.filter((r) => r.status === 'appended')).toHaveLength(1)
      const stored = results.find((r) => r.status === 'appended')?.turn
      for (const r of results) expect(r.turn).toEqual(stored)
      expect((await b.getSession('session-1'))?.turns).toEqual([stored])
    })

    it('keeps every field of concurrent updateTurn patches from both instances', async () => {
      const [a, b] = await openPair()
      await a.createSession(makeSession())
      await a.appendTurn(makeTurn({ id: 'q', role: 'interviewer', kind: 'follow-up', text: '' }))
      const usage = { promptTokens: 10, completionTokens: 3 }
      await Promise.all([
        a.updateTurn('session-1', 'q', { text: 'Why a queue?' }),
        b.updateTurn('session-1', 'q', { usage }),
        a.updateTurn('session-1', 'q', { hiddenNotes: 'probing back-pressure' }),
        b.updateTurn('session-1', 'q', { target: 'step:2' }),
      ])
      expect((await a.getSession('session-1'))?.turns[0]).toMatchObject({
        text: 'Why a queue?',
        usage,
        hiddenNotes: 'probing back-pressure',
        target: 'step:2',
      })
    })
  })
}
