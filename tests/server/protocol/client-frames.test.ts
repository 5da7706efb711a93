import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SOCKET_LIMITS } from '../../../server/ws/socket-guard.js'
import { MAX_ANSWER_CHARS, ProtocolErrorCode } from '../../../server/protocol/interview-protocol.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import { createTestDeps } from '../../support/test-deps.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import {
  createHttpBrowser,
  openSocket,
  startServer,
  type TestSocket,
} from '../ws/support/ws-harness.js'

const question = loadTimeBombQuestion()
let server: Awaited<ReturnType<typeof startServer>>
let socket: TestSocket

beforeAll(async () => {
  // Dozens of frames in a burst: the frame-rate limit (tested in stream-limits.test.ts) is lifted.
  const socketLimits = { ...DEFAULT_SOCKET_LIMITS, maxFramesPerSecond: 1000 }
  server = await startServer(createTestDeps({ bank: new QuestionBank([question]), socketLimits }))
  const browser = createHttpBrowser(server.port)
  const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
  socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
  await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
})
afterAll(async () => {
  socket.close()
  await server.stop()
})

const long = 'x'.repeat(MAX_ANSWER_CHARS + 1)

describe('inbound frames over a real socket', () => {
  it.each([
    ['not JSON', '{"type": "answer", ', ProtocolErrorCode.notJson],
    ['a JSON string', '"hello"', ProtocolErrorCode.unknownType],
    ['no type', '{"text": "hi"}', ProtocolErrorCode.unknownType],
    ['an unknown type', '{"type": "hack", "text": "hi"}', ProtocolErrorCode.unknownType],
    ['an answer without clientId', '{"type": "answer", "text": "hi"}', ProtocolErrorCode.badFields],
    [
      'an empty answer',
      '{"type": "answer", "clientId": "c", "text": "   "}',
      ProtocolErrorCode.badFields,
    ],
    [
      'a number as text',
      '{"type": "clarify", "clientId": "c", "text": 42}',
      ProtocolErrorCode.badFields,
    ],
    ['a negative resume', '{"type": "resume", "afterSeq": -1}', ProtocolErrorCode.badFields],
    [
      'an over-long answer',
      JSON.stringify({ type: 'answer', clientId: 'c', text: long }),
      ProtocolErrorCode.tooLong,
    ],
    [
      'an over-long clarification',
      JSON.stringify({ type: 'clarify', clientId: 'c', text: long }),
      ProtocolErrorCode.tooLong,
    ],
  ])('answers %s with an error and stays usable', async (_name, frame, code) => {
    const from = socket.messages.length
    socket.sendRaw(frame)
    const error = await socket.waitFor('error', undefined, from)
    expect(error.code).toBe(code)
    expect(error.message.length).toBeGreaterThan(0)
    socket.send({ type: 'ping', nonce: `after-${code}` })
    expect((await socket.waitFor('pong', undefined, from)).nonce).toBe(`after-${code}`)
    expect(socket.ws.readyState).toBe(socket.ws.OPEN)
  })

  it('answers a binary frame as not JSON', async () => {
    const from = socket.messages.length
    socket.sendRaw(Buffer.from([0xde, 0xad, 0xbe, 0xef]))
    expect((await socket.waitFor('error', undefined, from)).code).toBe(ProtocolErrorCode.notJson)
  })

  it('accepts an answer of exactly the maximum length', async () => {
    const from = socket.messages.length
    const text = 'y'.repeat(MAX_ANSWER_CHARS)
    socket.send({ type: 'answer', clientId: 'max', text })
    const ack = await socket.waitFor('turn-start', (m) => m.turn.clientId === 'max', from)
    expect(ack.turn.text).toHaveLength(MAX_ANSWER_CHARS)
    await socket.waitFor('turn-end', (m) => m.turn.role === 'interviewer', from)
  })

  it('never stored anything for the rejected frames', async () => {
    const stored = socket.messages.filter(
      (m) => m.type === 'turn-start' && m.turn.role === 'candidate',
    )
    expect(stored.map((m) => (m.type === 'turn-start' ? m.turn.clientId : null))).toEqual(['max'])
  })
})
