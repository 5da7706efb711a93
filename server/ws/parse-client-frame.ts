import {
  ClientMessageSchema,
  MAX_ANSWER_CHARS,
  ProtocolErrorCode,
  type ClientMessage,
} from '../protocol/interview-protocol.js'

export type FrameResult =
  { ok: true; message: ClientMessage } | { ok: false; code: string; message: string }

const KNOWN_TYPES: ReadonlySet<string> = new Set(
  ClientMessageSchema.options.map((o) => o.shape.type.value),
)

/**
 * Parses one inbound WebSocket frame. Every failure is an expected result with the protocol's
 * error code, never a throw: not JSON (or binary), an unknown `type`, wrong fields, or answer
 * text over MAX_ANSWER_CHARS.
 */
export function parseClientFrame(data: unknown): FrameResult {
  if (typeof data !== 'string') {
    return fail(ProtocolErrorCode.notJson, 'Frames must be JSON text.')
  }
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return fail(ProtocolErrorCode.notJson, 'The frame is not valid JSON.')
  }
  const type =
    typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    return fail(
      ProtocolErrorCode.unknownType,
      `Unknown message type: ${JSON.stringify(type ?? null)}.`,
    )
  }
  const parsed = ClientMessageSchema.safeParse(json)
  if (parsed.success) return { ok: true, message: parsed.data }
  const tooLong = parsed.error.issues.some((i) => i.code === 'too_big' && i.path[0] === 'text')
  if (tooLong) {
    return fail(ProtocolErrorCode.tooLong, `Answers are limited to ${MAX_ANSWER_CHARS} characters.`)
  }
  const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
  return fail(ProtocolErrorCode.badFields, `Invalid ${type} message: ${fields.join('; ')}`)
}

function fail(code: string, message: string): FrameResult {
  return { ok: false, code, message }
}
