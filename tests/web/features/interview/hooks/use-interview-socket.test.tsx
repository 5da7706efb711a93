// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useInterviewSocket } from '../../../../../web/src/features/interview/hooks/use-interview-socket.js'
import { ClientDepsProvider } from '../../../../../web/src/shared/api/client-deps.js'
import { makeTurn, stateMessage } from '../../../support/fixtures.js'
import { makeDeps } from '../../../support/render-with-deps.js'

const opening = makeTurn({ id: 'i1', seq: 1, text: 'Why?' })

function setup() {
  const harness = makeDeps()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClientDepsProvider deps={harness.deps}>{children}</ClientDepsProvider>
  )
  const hook = renderHook(() => useInterviewSocket('s1'), { wrapper })
  return { ...harness, hook }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('useInterviewSocket', () => {
  it('ignores frames that are not valid protocol messages', () => {
    const { sockets, hook } = setup()
    act(() => {
      sockets[0]!.open()
      sockets[0]!.receive('not json')
      sockets[0]!.receive({ type: 'token-delta', seq: 'one', turnId: 'i1', text: 'x' })
      sockets[0]!.receive({ type: 'made-up', seq: 1 })
    })
    expect(hook.result.current.state.lastSeq).toBe(0)
    act(() => sockets[0]!.receive(stateMessage(1, [opening])))
    expect(hook.result.current.state.turns).toHaveLength(1)
  })

  it('reconnects after a drop, resumes after the last seq and re-sends unacknowledged answers', () => {
    const { sockets, hook } = setup()
    act(() => {
      sockets[0]!.open()
      sockets[0]!.receive(stateMessage(4, [opening]))
    })
    act(() => sockets[0]!.drop())
    expect(hook.result.current.state.connection).toBe('reconnecting')
    // Written while offline: kept on screen and in the outbox.
    act(() => hook.result.current.sendAnswer('my answer'))
    expect(hook.result.current.state.outbox.map((o) => o.text)).toEqual(['my answer'])
    expect(hook.result.current.state.turns).toHaveLength(1)

    act(() => vi.advanceTimersByTime(500))
    expect(sockets).toHaveLength(2)
    act(() => sockets[1]!.open())
    expect(hook.result.current.state.connection).toBe('open')
    expect(sockets[1]!.sent).toEqual([
      { type: 'resume', afterSeq: 4 },
      { type: 'answer', clientId: 'client-1', text: 'my answer' },
    ])
  })

  it('asks for a resume when a gap opens, once', () => {
    const { sockets, hook } = setup()
    act(() => {
      sockets[0]!.open()
      sockets[0]!.receive(stateMessage(1, [opening]))
      sockets[0]!.receive({ type: 'notice', seq: 3, level: 'info', code: 'x', message: 'later' })
      sockets[0]!.receive({
        type: 'notice',
        seq: 4,
        level: 'info',
        code: 'x',
        message: 'later still',
      })
    })
    expect(sockets[0]!.sent).toEqual([{ type: 'resume', afterSeq: 1 }])
    act(() =>
      sockets[0]!.receive({ type: 'notice', seq: 2, level: 'info', code: 'x', message: 'missed' }),
    )
    expect(hook.result.current.state.notices.map((n) => n.message)).toEqual([
      'missed',
      'later',
      'later still',
    ])
    expect(hook.result.current.state.lastSeq).toBe(4)
  })

  it("takes an unfilled gap as another socket's and carries on after a while", () => {
    const { sockets, hook } = setup()
    act(() => {
      sockets[0]!.open()
      sockets[0]!.receive(stateMessage(10, [opening]))
      sockets[0]!.receive({
        type: 'notice',
        seq: 12,
        level: 'info',
        code: 'x',
        message: 'after a pong to another tab',
      })
    })
    expect(sockets[0]!.sent).toEqual([{ type: 'resume', afterSeq: 10 }])
    expect(hook.result.current.state.notices).toEqual([])
    act(() => vi.advanceTimersByTime(1500))
    expect(hook.result.current.state.notices.map((n) => n.message)).toEqual([
      'after a pong to another tab',
    ])
    expect(hook.result.current.state.lastSeq).toBe(12)
  })

  it('shows offline, and reconnects at once when the network returns', () => {
    const { sockets, hook } = setup()
    act(() => sockets[0]!.open())
    act(() => sockets[0]!.drop())
    act(() => window.dispatchEvent(new Event('offline')))
    expect(hook.result.current.state.connection).toBe('offline')
    act(() => window.dispatchEvent(new Event('online')))
    expect(sockets).toHaveLength(2)
    act(() => sockets[1]!.open())
    expect(hook.result.current.state.connection).toBe('open')
  })

  it('does not reconnect when the server refuses the stream', () => {
    const { sockets, hook } = setup()
    act(() => {
      sockets[0]!.open()
      sockets[0]!.receive({
        type: 'error',
        seq: 1,
        code: 'not_found:session',
        message: 'Session not found.',
      })
      sockets[0]!.drop(4404)
    })
    act(() => vi.advanceTimersByTime(60_000))
    expect(sockets).toHaveLength(1)
    expect(hook.result.current.state.connection).toBe('refused')
    expect(hook.result.current.state.lastError?.code).toBe('not_found:session')
  })

  it('shows the reason the server gave for closing, and does not reconnect', () => {
    const { sockets, hook } = setup()
    act(() => {
      sockets[0]!.open()
      sockets[0]!.drop(4413, 'too_slow: The connection fell too far behind. Reload the page.')
    })
    act(() => vi.advanceTimersByTime(60_000))
    expect(sockets).toHaveLength(1)
    expect(hook.result.current.state.connection).toBe('refused')
    expect(hook.result.current.state.lastError).toEqual({
      code: 'too_slow',
      message: 'The connection fell too far behind. Reload the page.',
    })
  })

  it('backs off between failed reconnects and stops when unmounted', () => {
    const { sockets, hook } = setup()
    act(() => sockets[0]!.drop())
    act(() => vi.advanceTimersByTime(500))
    act(() => sockets[1]!.drop())
    act(() => vi.advanceTimersByTime(500))
    expect(sockets).toHaveLength(2)
    act(() => vi.advanceTimersByTime(500))
    expect(sockets).toHaveLength(3)
    hook.unmount()
    act(() => vi.advanceTimersByTime(60_000))
    expect(sockets).toHaveLength(3)
    expect(sockets[2]!.readyState).toBe(3)
  })
})
