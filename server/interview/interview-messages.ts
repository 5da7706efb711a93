import type { ServerMessage } from '../protocol/interview-protocol.js'

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never

/** A server message before the session's stream gives it its sequence number. */
export type OutboundMessage = WithoutSeq<ServerMessage>

/** Where the orchestrator sends what every open socket of a session should see. */
export type SessionPublisher = (sessionId: string, message: OutboundMessage) => void

/** A command's expected failure, sent back to the one socket as an `error` message. */
export type CommandResult = { ok: true } | { ok: false; code: string; message: string }
