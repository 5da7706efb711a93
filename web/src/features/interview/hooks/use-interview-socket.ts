import { useCallback, useEffect, useReducer, useRef } from 'react'
import { useClientDeps, type SocketLike } from '../../../shared/api/client-deps.js'
import type { ClientMessage } from '../../../shared/contract/protocol-contract.js'
import {
  initialInterviewState,
  interviewReducer,
  needsResume,
  type InterviewState,
  type OutboxItem,
} from './interview-reducer.js'
import { parseServerFrame } from '../../../shared/socket/parse-server-frame.js'
import { reconnectDelayMs } from './reconnect-delay.js'

const OPEN = 1
/** How long a resume may take to fill a gap before the gap is taken as not ours. */
const GAP_WAIT_MS = 1500

export type InterviewSocket = {
  state: InterviewState
  sendAnswer: (text: string) => void
  sendClarify: (text: string) => void
  sendSkip: () => void
  /** Ends over the socket when it is open; false when it is not (the caller uses HTTP then). */
  sendEnd: () => boolean
  dismissOutbox: (clientId: string) => void
}

function toClientMessage(item: OutboxItem): ClientMessage {
  if (item.kind === 'skip') return { type: 'skip', clientId: item.clientId }
  return { type: item.kind, clientId: item.clientId, text: item.text }
}

/**
 * Owns the session's WebSocket: connects, validates every frame, feeds the reducer, reconnects
 * with backoff and resumes after the last applied seq, asks for a resume when a gap opens, and
 * re-sends unacknowledged answers (the server dedupes them by clientId), so a dropped connection
 * loses nothing on screen.
 */
export function useInterviewSocket(sessionId: string): InterviewSocket {
  const deps = useClientDeps()
  const [state, dispatch] = useReducer(interviewReducer, initialInterviewState)
  const socketRef = useRef<SocketLike | null>(null)
  const stateRef = useRef(state)
  stateRef.current = state

  const sendFrame = useCallback((message: ClientMessage): boolean => {
    const socket = socketRef.current
    if (!socket || socket.readyState !== OPEN) return false
    socket.send(JSON.stringify(message))
    return true
  }, [])

  useEffect(() => {
    let stopped = false
    let attempt = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const connect = () => {
      dispatch({
        type: 'connection-changed',
        connection: attempt === 0 ? 'connecting' : 'reconnecting',
      })
      const socket = deps.openSocket(`/api/sessions/${encodeURIComponent(sessionId)}/stream`)
      socketRef.current = socket
      socket.onopen = () => {
        attempt = 0
        dispatch({ type: 'connection-changed', connection: 'open' })
        const current = stateRef.current
        if (current.lastSeq > 0) sendFrame({ type: 'resume', afterSeq: current.lastSeq })
        for (const item of current.outbox) if (!item.failed) sendFrame(toClientMessage(item))
      }
      socket.onmessage = (event) => {
        const message = parseServerFrame(event.data)
        if (message) dispatch({ type: 'server-message', message })
      }
      socket.onclose = (event) => {
        if (stopped) return
        socketRef.current = null
        // 4000-4999 are the server's own refusals (e.g. 4404 not_found:session, 4413 too_slow,
        // 4429 rate_limit:frames): do not retry, and show the reason it gave.
        if (event.code >= 4000 && event.code < 5000) {
          dispatch({ type: 'connection-changed', connection: 'refused', reason: event.reason })
          return
        }
        dispatch({ type: 'connection-changed', connection: 'reconnecting' })
        timer = setTimeout(connect, reconnectDelayMs(attempt++))
      }
    }
    connect()
    const goOffline = () => dispatch({ type: 'connection-changed', connection: 'offline' })
    // Back online: a socket that survived is open again; a closed one reconnects now, not after the backoff.
    const goOnline = () => {
      if (socketRef.current?.readyState === OPEN) {
        dispatch({ type: 'connection-changed', connection: 'open' })
      } else if (!socketRef.current) {
        clearTimeout(timer)
        attempt = 0
        connect()
      }
    }
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)
    return () => {
      stopped = true
      clearTimeout(timer)
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      socketRef.current?.close(1000, 'left the page')
      socketRef.current = null
    }
  }, [sessionId, deps, sendFrame])

  useEffect(() => {
    if (state.connection !== 'open' || !needsResume(state)) return
    if (sendFrame({ type: 'resume', afterSeq: state.lastSeq })) {
      dispatch({ type: 'resume-requested', afterSeq: state.lastSeq })
    }
  }, [state, sendFrame])

  // A gap the resume did not fill was never ours to see (another socket's reply): move on.
  const gapOpen =
    Object.keys(state.pending).length > 0 && state.resumeRequestedAfter === state.lastSeq
  useEffect(() => {
    if (!gapOpen) return
    const timer = setTimeout(() => dispatch({ type: 'gap-accepted' }), GAP_WAIT_MS)
    return () => clearTimeout(timer)
  }, [gapOpen, state.lastSeq])

  const queue = useCallback(
    (kind: OutboxItem['kind'], text: string) => {
      const item = { clientId: deps.makeId(), kind, text }
      dispatch({ type: 'outbox-added', item })
      sendFrame(toClientMessage({ ...item, failed: null }))
    },
    [deps, sendFrame],
  )

  return {
    state,
    sendAnswer: useCallback((text) => queue('answer', text), [queue]),
    sendClarify: useCallback((text) => queue('clarify', text), [queue]),
    sendSkip: useCallback(() => queue('skip', ''), [queue]),
    sendEnd: useCallback(() => sendFrame({ type: 'end' }), [sendFrame]),
    dismissOutbox: useCallback((clientId) => dispatch({ type: 'outbox-dismissed', clientId }), []),
  }
}
