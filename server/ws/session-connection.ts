import type { WSContext, WSEvents } from 'hono/ws'
import { computeProgress, sessionDeadline } from '../interview/interview-progress.js'
import type { InterviewOrchestrator } from '../interview/interview-orchestrator.js'
import type { OutboundMessage } from '../interview/interview-messages.js'
import type { ClientMessage, ServerMessage } from '../protocol/interview-protocol.js'
import { toTranscriptView } from '../sessions/session-service.js'
import type { Session } from '../sessions/session-schema.js'
import type { SessionStore } from '../sessions/session-store.js'
import type { ProviderInfo } from './provider-info.js'
import { parseClientFrame } from './parse-client-frame.js'
import type { SessionStreamHub } from './session-stream-hub.js'

/** What every socket of every session shares; built once in createApp. */
export type StreamServices = {
  store: SessionStore
  hub: SessionStreamHub
  orchestrator: InterviewOrchestrator
  provider: ProviderInfo
  clock: () => Date
}

/** setTimeout's limit; a longer wait is re-armed by the next connection anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * The events of one authorised socket on one session. On open: a `session-state` snapshot, or
 * with `afterSeq` the replay of what was missed; then live messages. Frames are handled one at a
 * time in arrival order; a bad frame gets an `error` message and the socket stays open. When the
 * session's last socket closes, its turn in flight is aborted.
 */
export function createSessionConnection(
  services: StreamServices,
  authorised: Session,
  afterSeq: number | null,
): WSEvents {
  const sessionId = authorised.id
  const { hub, orchestrator } = services
  let socket: WSContext | null = null
  let unsubscribe: (() => void) | null = null
  let timer: NodeJS.Timeout | null = null
  let closed = false
  let markReady: () => void = () => {}
  let queue: Promise<void> = new Promise<void>((resolve) => (markReady = resolve))

  const send = (message: ServerMessage) => {
    if (!closed && socket?.readyState === 1) socket.send(JSON.stringify(message))
  }
  const direct = (message: OutboundMessage) => hub.direct(sessionId, send, message)
  const subscribe = () => {
    if (!unsubscribe && !closed) unsubscribe = hub.subscribe(sessionId, send)
  }

  /** Sends the stored session merged with what is streaming, then goes live, in one tick. */
  async function sendSnapshot(): Promise<boolean> {
    const stored = await services.store.getSession(sessionId)
    if (!stored || closed) return false
    const { turns, ...plain } = stored
    const merged = hub.overlay(sessionId, plain, turns)
    const { turns: visible, ...session } = toTranscriptView({
      ...merged.session,
      turns: merged.turns,
    })
    direct({
      type: 'session-state',
      session,
      turns: visible,
      provider: services.provider,
      progress: computeProgress(session, visible),
    })
    subscribe()
    armDeadline(sessionDeadline(session))
    return true
  }

  function armDeadline(deadline: Date | null) {
    if (!deadline || timer) return
    const wait = Math.min(
      MAX_TIMER_MS,
      Math.max(0, deadline.getTime() - services.clock().getTime()),
    )
    timer = setTimeout(() => void orchestrator.checkDeadline(sessionId).catch(logError), wait)
    timer.unref()
  }

  async function handle(message: ClientMessage) {
    switch (message.type) {
      case 'ping':
        return direct({
          type: 'pong',
          ...(message.nonce === undefined ? {} : { nonce: message.nonce }),
        })
      case 'resume':
        await hub.prepare(sessionId)
        if (!hub.replay(sessionId, message.afterSeq, send)) await sendSnapshot()
        return
      default: {
        const result = await orchestrator.handle(sessionId, message, direct)
        if (!result.ok) direct({ type: 'error', code: result.code, message: result.message })
      }
    }
  }

  return {
    onOpen(_event, ws) {
      socket = ws
      void (async () => {
        // With several instances: the backend's log of the session is read first.
        await hub.prepare(sessionId)
        if (afterSeq !== null && hub.replay(sessionId, afterSeq, send)) {
          subscribe()
          // The deadline comes from createdAt and the options, which never change: the session
          // read when the socket was authorised gives it without reading the store again.
          armDeadline(sessionDeadline(authorised))
        } else {
          await sendSnapshot()
        }
        await orchestrator.resumePending(sessionId)
      })()
        .catch(logError)
        .finally(() => markReady())
    },
    onMessage(event) {
      const parsed = parseClientFrame(event.data)
      queue = queue
        .then(() =>
          parsed.ok
            ? handle(parsed.message)
            : direct({ type: 'error', code: parsed.code, message: parsed.message }),
        )
        .catch((err: unknown) => {
          logError(err)
          direct({ type: 'error', code: 'internal', message: 'The server could not handle that.' })
        })
    },
    onClose() {
      closed = true
      unsubscribe?.()
      if (timer) clearTimeout(timer)
      // Nobody is listening any more: stop paying for the provider's tokens.
      if (hub.subscribers(sessionId) === 0) orchestrator.abort(sessionId)
    },
  }
}

function logError(err: unknown) {
  console.error('session stream:', err)
}
