import { ServerMessageSchema, type ServerMessage } from '../contract/protocol-contract.js'

/** A frame from the socket as a validated message, or null when it is not one (then ignored). */
export function parseServerFrame(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return null
  }
  const parsed = ServerMessageSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}
