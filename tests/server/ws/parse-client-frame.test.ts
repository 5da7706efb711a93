import { describe, expect, it } from 'vitest'
import { MAX_ANSWER_CHARS, ProtocolErrorCode } from '../../../server/protocol/interview-protocol.js'
import { parseClientFrame } from '../../../server/ws/parse-client-frame.js'

describe('parseClientFrame', () => {
  it('accepts every client message kind', () => {
    for (const frame of [
      { type: 'answer', clientId: 'a', text: 'An answer' },
      { type: 'clarify', clientId: 'b', text: 'A question?' },
      { type: 'skip', clientId: 'c' },
      { type: 'end' },
      { type: 'resume', afterSeq: 0 },
      { type: 'ping', nonce: 'n' },
      { type: 'ping' },
    ]) {
      expect(parseClientFrame(JSON.stringify(frame))).toEqual({ ok: true, message: frame })
    }
  })

  it('trims answer text', () => {
    const parsed = parseClientFrame(
      JSON.stringify({ type: 'answer', clientId: 'a', text: '  hi  ' }),
    )
    expect(parsed).toEqual({ ok: true, message: { type: 'answer', clientId: 'a', text: 'hi' } })
  })

  it.each([
    [new ArrayBuffer(4), ProtocolErrorCode.notJson],
    ['nope', ProtocolErrorCode.notJson],
    ['null', ProtocolErrorCode.unknownType],
    ['[]', ProtocolErrorCode.unknownType],
    ['{"type":"ANSWER"}', ProtocolErrorCode.unknownType],
    ['{"type":"skip"}', ProtocolErrorCode.badFields],
    ['{"type":"ping","nonce":5}', ProtocolErrorCode.badFields],
    [
      JSON.stringify({ type: 'answer', clientId: 'x'.repeat(65), text: 'hi' }),
      ProtocolErrorCode.badFields,
    ],
    [
      JSON.stringify({ type: 'answer', clientId: 'a', text: 'z'.repeat(MAX_ANSWER_CHARS + 1) }),
      ProtocolErrorCode.tooLong,
    ],
  ])('rejects %s with %s', (frame, code) => {
    const parsed = parseClientFrame(frame)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.code).toBe(code)
  })
})
