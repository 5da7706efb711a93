/** The WebSocket protocol, imported from the server's module: every frame is validated with it. */
export {
  ClientMessageSchema,
  MAX_ANSWER_CHARS,
  ServerMessageSchema,
  type ClientMessage,
  type ServerMessage,
} from '../../../../server/protocol/interview-protocol.js'
export type {
  InterviewProgressSchema,
  ProviderInfoSchema,
} from '../../../../server/protocol/interview-protocol.js'
