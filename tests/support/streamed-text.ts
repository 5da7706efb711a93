/** A server message as sent (`ServerMessage`) or as published, before its seq (`OutboundMessage`). */
type Frame = { type: string; turnId?: string; text?: string }

/**
 * The text a client ends up showing for an interviewer turn from the frames it received, as the
 * web client builds it: each `token-delta` appended, each `turn-revise` replacing the whole.
 */
export function streamedText(messages: readonly Frame[], turnId: string): string {
  let text = ''
  for (const m of messages) {
    if (m.turnId !== turnId) continue
    if (m.type === 'token-delta') text += m.text ?? ''
    else if (m.type === 'turn-revise') text = m.text ?? ''
  }
  return text
}
