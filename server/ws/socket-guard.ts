import type { WSContext } from 'hono/ws'
import type { WebSocket } from 'ws'
import { StreamCloseCode } from '../protocol/interview-protocol.js'

/** What one socket may cost the server. */
export type SocketLimits = {
  /**
   * Bytes queued for the client and not yet written out. A client that stops reading (or a link
   * too slow for the interview) would otherwise grow the server's memory without bound.
   * Room for the largest snapshot a session can have (MAX_TRANSCRIPT_CHARS, JSON-escaped).
   */
  maxUnsentBytes: number
  /** Inbound frames per second; the web client sends a few a minute. */
  maxFramesPerSecond: number
  /** How long a closing socket may take to take its close frame before it is cut. */
  closeGraceMs: number
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxUnsentBytes: 4 * 1024 * 1024,
  maxFramesPerSecond: 20,
  closeGraceMs: 5_000,
}

export type SocketGuard = {
  /** Sends unless that would pass maxUnsentBytes (the socket is then closed); `flushed` runs once written out. */
  send(data: string, flushed?: () => void): boolean
  /** Counts an inbound frame; false (and the socket closed) past maxFramesPerSecond. */
  admitFrame(): boolean
}

/**
 * Back-pressure and flood control for one socket: outbound bytes not yet written are capped
 * (past the cap the socket is closed with `too_slow`, a code and reason the web client shows,
 * and cut after a grace period if the client does not read even that), and inbound frames are
 * counted in a one-second window (past the limit: closed with `rate_limit:frames`).
 */
export function guardSocket(
  ws: WSContext,
  limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  now: () => number = () => performance.now(),
): SocketGuard {
  const raw = ws.raw as WebSocket | undefined
  let closedByGuard = false
  let windowStart = now()
  let framesInWindow = 0

  function shut(code: number, reason: string) {
    if (closedByGuard) return
    closedByGuard = true
    ws.close(code, reason)
    // A client that reads nothing never takes the close frame either: cut it so its buffer goes.
    const cut = setTimeout(() => raw?.terminate(), limits.closeGraceMs)
    cut.unref()
    raw?.once('close', () => clearTimeout(cut))
  }

  return {
    send(data, flushed) {
      if (closedByGuard || ws.readyState !== 1) return false
      if (!raw) {
        ws.send(data)
        flushed?.()
        return true
      }
      const unsent = raw.bufferedAmount
      // A UTF-16 unit is at most 3 UTF-8 bytes: the exact count (a scan of the frame) is taken
      // only when the bound says it could pass the cap, never for a token on a socket keeping up.
      if (
        unsent + data.length * 3 > limits.maxUnsentBytes &&
        unsent + Buffer.byteLength(data) > limits.maxUnsentBytes
      ) {
        shut(
          StreamCloseCode.tooSlow,
          'too_slow: The connection fell too far behind. Reload the page to continue.',
        )
        return false
      }
      // No callback unless one is wanted: a closure per frame is an allocation per token.
      if (flushed) raw.send(data, () => flushed())
      else raw.send(data)
      return true
    },
    admitFrame() {
      if (closedByGuard) return false
      const t = now()
      if (t - windowStart >= 1000) {
        windowStart = t
        framesInWindow = 0
      }
      framesInWindow += 1
      if (framesInWindow <= limits.maxFramesPerSecond) return true
      shut(
        StreamCloseCode.tooManyFrames,
        `rate_limit:frames: More than ${limits.maxFramesPerSecond} messages a second. Reload the page to continue.`,
      )
      return false
    },
  }
}
