import type { WSEvents } from 'hono/ws'
import { computeProgress, sessionDeadline } from '../interview/interview-progress.js'
import type { InterviewOrchestrator } from '../interview/interview-orchestrator.js'
import type { OutboundMessage } from '../interview/interview-messages.js'
import type { ClientMessage, ServerMessage } from '../protocol/interview-protocol.js'
import { toTranscriptView } from '../sessions/session-service.js'
import type { Session, SessionWithTurns } from '../sessions/session-schema.js'
import type { SessionStore } from '../sessions/session-store.js'
import type { ProviderInfo } from './provider-info.js'
import { parseClientFrame } from './parse-client-frame.js'
import type { SessionStreamHub } from './session-stream-hub.js'
import type { Quotas, Requester } from '../limits/quotas.js'
import { guardSocket, type SocketGuard, type SocketLimits } from './socket-guard.js'
import { classifyStorageError } from '../sessions/storage-failure.js'
import { currentRequestId } from '../log/request-context.js'

/** What every socket of every session shares; built once in createApp. */
export type StreamServices = {
  store: SessionStore
  hub: SessionStreamHub
  orchestrator: InterviewOrchestrator
  provider: ProviderInfo
  clock: () => Date
  /** Answers per minute and the LLM token budget; none when absent. */
  quotas?: Quotas
  /** Per-socket caps on unsent bytes and inbound frames; DEFAULT_SOCKET_LIMITS when absent. */
  socketLimits?: SocketLimits
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
  requester: Requester = { ownerId: authorised.ownerId, address: 'unknown' },
): WSEvents {
  const sessionId = authorised.id
  const { hub, orchestrator } = services
  let guard: SocketGuard | null = null
  /** Messages of a snapshot or replay not yet written out; a `resume` meanwhile is coalesced. */
  let unsentReplies = 0
  let sendingReply = false
  let unsubscribe: (() => void) | null = null
  let timer: NodeJS.Timeout | null = null
  let closed = false
  let markReady: () => void = () => {}
  let queue: Promise<void> = new Promise<void>((resolve) => (markReady = resolve))

  const send = (message: ServerMessage) => {
    if (closed || !guard) return
    if (!sendingReply) return void guard.send(JSON.stringify(message))
    unsentReplies += 1
    if (!guard.send(JSON.stringify(message), () => (unsentReplies -= 1))) unsentReplies -= 1
  }
  /** Sends what `work` sends as the reply to a resume (or the first snapshot). */
  const asReply = <T>(work: () => T): T => {
    sendingReply = true
    try {
      return work()
    } finally {
      sendingReply = false
    }
  }
  const direct = (message: OutboundMessage) => hub.direct(sessionId, send, message)
  const subscribe = () => {
    if (!unsubscribe && !closed) unsubscribe = hub.subscribe(sessionId, send)
  }

  /**
   * Sends the stored session merged with what is streaming, then goes live, in one tick.
   * Returns the session as read (for resumePending), or null when none was sent.
   */
  async function sendSnapshot(): Promise<SessionWithTurns | null> {
    const stored = await services.store.getSession(sessionId)
    if (!stored || closed) return null
    const { turns, ...plain } = stored
    const merged = hub.overlay(sessionId, plain, turns)
    const { turns: visible, ...session } = toTranscriptView({
      ...merged.session,
      turns: merged.turns,
    })
    asReply(() =>
      direct({
        type: 'session-state',
        session,
        turns: visible,
        provider: services.provider,
        progress: computeProgress(session, visible),
      }),
    )
    subscribe()
    armDeadline(sessionDeadline(session))
    return stored
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

  /** Answers per minute, and with an LLM interviewer the identity's tokens for the day. */
  async function checkQuotas() {
    const quotas = services.quotas
    if (!quotas) return null
    const rate = await quotas.take('answers', requester)
    if (!rate.ok) return rate
    if (services.provider.provider === 'offline') return null
    const tokens = await quotas.checkTokens(requester.ownerId)
    return tokens.ok ? null : tokens
  }

  async function handle(message: ClientMessage) {
    switch (message.type) {
      case 'ping':
        return direct({
          type: 'pong',
          ...(message.nonce === undefined ? {} : { nonce: message.nonce }),
        })
      case 'resume':
        // The snapshot or replay still unsent already brings the client up to date: another
        // one now would only queue a second copy behind it (the slow reader's memory bomb).
        if (unsentReplies > 0) return
        await hub.prepare(sessionId)
        if (!asReply(() => hub.replay(sessionId, message.afterSeq, send))) await sendSnapshot()
        return
      default: {
        const refused = message.type === 'end' ? null : await checkQuotas()
        if (refused) return direct({ type: 'error', code: refused.code, message: refused.message })
        const result = await orchestrator.handle(sessionId, message, direct)
        if (!result.ok) direct({ type: 'error', code: result.code, message: result.message })
        // Off the frame queue, so pings and resumes are answered while the closing streams.
        else if (message.type === 'end') void confirmEnded().catch(reportFailure)
      }
    }
  }

  /**
   * After an `end`: once the closing turn is over, the session must be ended. When the closing
   * could not be stored (the disk is full, say), it is ended without it and every socket is told
   * why; if even that cannot be stored, this socket gets the storage error to show.
   */
  async function confirmEnded() {
    await orchestrator.idle(sessionId)
    const after = await services.store.getSession(sessionId)
    if (!after || after.status === 'ended') return
    await services.store.updateSession(sessionId, {
      status: 'ended',
      updatedAt: services.clock().toISOString(),
    })
    hub.publish(sessionId, {
      type: 'notice',
      level: 'warning',
      code: 'storage:closing_not_saved',
      message:
        "The interviewer's closing remarks could not be saved, but the interview has ended and " +
        'every answer you gave is kept.',
    })
    hub.publish(sessionId, { type: 'session-ended', reason: 'candidate' })
  }

  /** A frame that failed: a storage failure in its own words, anything else as internal. */
  function reportFailure(err: unknown) {
    logError(err)
    const storage = classifyStorageError(err)
    // The id the log line above carries (the upgrade request's), for the user to report.
    const requestId = currentRequestId()
    direct({
      type: 'error',
      ...(storage
        ? { code: storage.code, message: storage.message }
        : { code: 'internal', message: 'The server could not handle that.' }),
      ...(requestId ? { requestId } : {}),
    })
  }

  return {
    onOpen(_event, ws) {
      guard = guardSocket(ws, services.socketLimits)
      void (async () => {
        // With several instances: the backend's log of the session is read first.
        await hub.prepare(sessionId)
        let read: SessionWithTurns | null = null
        if (afterSeq !== null && asReply(() => hub.replay(sessionId, afterSeq, send))) {
          subscribe()
          // The deadline comes from createdAt and the options, which never change: the session
          // read when the socket was authorised gives it without reading the store again.
          armDeadline(sessionDeadline(authorised))
        } else {
          read = await sendSnapshot()
        }
        // The snapshot's read, a microtask ago, serves resumePending too: opening a socket reads
        // the session twice (authorising, snapshot), not three times.
        await orchestrator.resumePending(sessionId, read ?? undefined)
      })()
        .catch(logError)
        .finally(() => markReady())
    },
    onMessage(event) {
      // Past the frame rate the socket is closed; what is already queued still runs.
      if (!guard?.admitFrame()) return
      const parsed = parseClientFrame(event.data)
      queue = queue
        .then(() =>
          parsed.ok
            ? handle(parsed.message)
            : direct({ type: 'error', code: parsed.code, message: parsed.message }),
        )
        .catch(reportFailure)
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
