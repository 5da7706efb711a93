import { describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../../server/protocol/interview-protocol.js'
import { createSessionStreamHub } from '../../../server/ws/session-stream-hub.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'
import { createTestClock } from '../../support/test-deps.js'

const notice = (code: string) => ({ type: 'notice', level: 'info', code, message: code }) as const

function setup(maxLogMessages = 100) {
  const clock = createTestClock('2026-01-01T00:00:00.000Z')
  const hub = createSessionStreamHub({ clock: clock.now, maxLogMessages })
  const received: ServerMessage[] = []
  return { hub, clock, received, sink: (m: ServerMessage) => received.push(m) }
}

describe('session stream hub', () => {
  it('numbers messages per session from the clock, increasing by one; direct replies do not advance it', () => {
    const { hub, sink, received } = setup()
    hub.subscribe('s1', sink)
    hub.publish('s1', notice('a'))
    hub.publish('s1', notice('b'))
    hub.direct('s1', sink, { type: 'pong' })
    hub.publish('s1', notice('c'))
    const base = new Date('2026-01-01T00:00:00.000Z').getTime()
    expect(received.map((m) => m.seq)).toEqual([base + 1, base + 2, base + 2, base + 3])
    const other: ServerMessage[] = []
    hub.subscribe('s2', (m) => other.push(m))
    hub.publish('s2', notice('c'))
    expect(other.map((m) => m.seq)).toEqual([base + 1])
  })

  it('replays logged messages after a seq, in order, without direct ones', () => {
    const { hub, sink } = setup()
    hub.publish('s1', notice('a'))
    hub.direct('s1', sink, { type: 'pong' })
    hub.publish('s1', notice('b'))
    hub.publish('s1', notice('c'))
    const replayed: ServerMessage[] = []
    const firstSeq = new Date('2026-01-01T00:00:00.000Z').getTime() + 1
    expect(hub.replay('s1', firstSeq, (m) => replayed.push(m))).toBe(true)
    expect(replayed.map((m) => (m.type === 'notice' ? m.code : m.type))).toEqual(['b', 'c'])
    // Nothing missed: an empty replay is still a success.
    expect(hub.replay('s1', firstSeq + 2, () => {})).toBe(true)
  })

  it('replays a turn streamed in deltas as the very frames the live socket got, seqs included', () => {
    const { hub, sink, received } = setup(8)
    hub.subscribe('s1', sink)
    hub.publish('s1', notice('a'))
    for (const text of ['How ', 'would ', 'you'])
      hub.publish('s1', { type: 'token-delta', turnId: 't', text })
    hub.publish('s1', { type: 'turn-revise', turnId: 't', text: 'Fair.' })
    for (const text of [' Say', ' more'])
      hub.publish('s1', { type: 'token-delta', turnId: 't', text })
    hub.publish('s1', notice('b'))
    for (const text of [' now', '?']) hub.publish('s1', { type: 'token-delta', turnId: 't', text })
    const live = received.map((m) => JSON.stringify(m))
    // The log keeps 8 of the 10: a resume from before them gets a snapshot instead.
    expect(hub.replay('s1', received[0]!.seq, () => {})).toBe(false)
    for (let i = 1; i < received.length; i++) {
      const replayed: string[] = []
      expect(hub.replay('s1', received[i]!.seq, (m) => replayed.push(JSON.stringify(m)))).toBe(true)
      expect(replayed).toEqual(live.slice(i + 1))
    }
  })

  it('refuses a replay it cannot complete: evicted, from before this process, or from the future', () => {
    const { hub } = setup(2)
    for (const code of ['a', 'b', 'c', 'd']) hub.publish('s1', notice(code))
    const base = new Date('2026-01-01T00:00:00.000Z').getTime()
    expect(hub.replay('s1', base + 1, () => {})).toBe(false)
    expect(hub.replay('s1', base + 2, () => {})).toBe(true)
    expect(hub.replay('s1', 5, () => {})).toBe(false)
    expect(hub.replay('s1', base + 99, () => {})).toBe(false)
  })

  it('past its bound of sessions with every one followed, still delivers to a new one', () => {
    const clock = createTestClock('2026-01-01T00:00:00.000Z')
    const hub = createSessionStreamHub({ clock: clock.now, maxSessions: 2 })
    const got = new Map<string, string[]>()
    const follow = (id: string) =>
      hub.subscribe(id, (m) => got.set(id, [...(got.get(id) ?? []), m.type]))
    follow('s1')
    follow('s2')
    // The third channel is created by its subscription: it must not be the one evicted.
    follow('s3')
    for (const id of ['s1', 's2', 's3']) hub.publish(id, notice('opening'))
    expect([...got.keys()].sort()).toEqual(['s1', 's2', 's3'])
    expect(hub.subscribers('s3')).toBe(1)
  })

  it('evicts a channel nobody follows once past its bound of sessions', () => {
    const clock = createTestClock('2026-01-01T00:00:00.000Z')
    const hub = createSessionStreamHub({ clock: clock.now, maxSessions: 2 })
    hub.publish('idle', notice('a'))
    const base = new Date('2026-01-01T00:00:00.000Z').getTime()
    expect(hub.replay('idle', base + 1, () => {})).toBe(true)
    hub.subscribe('s1', () => {})
    hub.subscribe('s2', () => {})
    // 'idle' was forgotten: a channel made afresh has not seen its message, so a replay from it
    // is refused (the socket gets a snapshot instead).
    expect(hub.replay('idle', base + 1, () => {})).toBe(false)
  })

  it('stops delivering after unsubscribe and counts subscribers', () => {
    const { hub, sink, received } = setup()
    const off = hub.subscribe('s1', sink)
    expect(hub.subscribers('s1')).toBe(1)
    off()
    expect(hub.subscribers('s1')).toBe(0)
    hub.publish('s1', notice('a'))
    expect(received).toEqual([])
  })

  it('overlays streamed text and newer turns on a stored snapshot', () => {
    const { hub } = setup()
    const session = makeSession()
    const stored = {
      ...makeTurn({
        id: 't2',
        role: 'interviewer',
        kind: 'follow-up',
        text: '',
        completedAt: null,
      }),
      seq: 2,
    }
    hub.publish('session-1', { type: 'turn-start', turn: stored })
    hub.publish('session-1', { type: 'token-delta', turnId: 't2', text: 'What would ' })
    hub.publish('session-1', { type: 'token-delta', turnId: 't2', text: 'you measure?' })
    const first = hub.overlay('session-1', session, [stored])
    expect(first.turns.map((t) => t.text)).toEqual(['What would you measure?'])
    // A revision replaces what the deltas added up to; later deltas append to it.
    hub.publish('session-1', { type: 'turn-revise', turnId: 't2', text: 'Fair.' })
    expect(hub.overlay('session-1', session, [stored]).turns[0]!.text).toBe('Fair.')
    hub.publish('session-1', {
      type: 'token-delta',
      turnId: 't2',
      text: ' What would you measure?',
    })
    expect(hub.overlay('session-1', session, [stored]).turns[0]!.text).toBe(
      'Fair. What would you measure?',
    )

    const done = {
      ...stored,
      text: 'Fair. What would you measure?',
      completedAt: '2026-01-01T00:02:00.000Z',
    }
    hub.publish('session-1', {
      type: 'turn-end',
      turn: done,
      progress: { followUpsAsked: 1, followUpBudget: 5, drillTally: null },
    })
    hub.publish('session-1', { type: 'session-ended', reason: 'budget' })
    // A store read from before the turn ended is still brought up to date.
    const later = hub.overlay('session-1', session, [stored])
    expect(later.turns).toEqual([done])
    expect(later.session.status).toBe('ended')
  })
})
