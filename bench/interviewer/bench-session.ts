import { once } from 'node:events'
import WebSocket from 'ws'
import {
  ServerMessageSchema,
  type ServerMessage,
} from '../../server/protocol/interview-protocol.js'
import type { Turn } from '../../server/sessions/session-schema.js'

/** How long one interviewer turn may take before the run is reported as stuck. */
const TURN_TIMEOUT_MS = 15_000

export type SessionStart = {
  questionId: string
  mode: 'mock' | 'drill'
  focus?: string
  followUpBudget: number
}

/**
 * One candidate's session as a browser has it: the identity cookie from HTTP, then the stream
 * over a real WebSocket. Every server message is validated with the protocol's schema.
 */
export async function openBenchSession(port: number, start: SessionStart) {
  const base = `http://127.0.0.1:${port}`
  const health = await fetch(`${base}/api/health`)
  const cookie = (health.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const res = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({
      questionId: start.questionId,
      mode: start.mode,
      ...(start.focus ? { focus: start.focus } : {}),
      options: { followUpBudget: start.followUpBudget, timeLimitMinutes: null },
    }),
  })
  if (res.status !== 201) throw new Error(`start session: ${res.status} ${await res.text()}`)
  const { id } = (await res.json()) as { id: string }
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/sessions/${id}/stream`, {
    headers: { cookie },
  })
  const messages: ServerMessage[] = []
  let wake: (() => void) | null = null
  ws.on('message', (data) => {
    messages.push(ServerMessageSchema.parse(JSON.parse(String(data))))
    wake?.()
  })
  await once(ws, 'open')
  let read = 0
  /** The streaming turn's text as the candidate sees it, and what a `turn-revise` took back. */
  let shown = ''
  let takenBack: string[] = []

  /**
   * The next interviewer turn to end (with the texts the candidate saw before a `turn-revise`
   * corrected them), or null when the session ended first. Throws when the streamed frames do
   * not add up to the turn's final text: the judges read what the candidate ends with.
   */
  async function nextInterviewerTurn(): Promise<{ turn: Turn; takenBack: string[] } | null> {
    const deadline = Date.now() + TURN_TIMEOUT_MS
    for (;;) {
      while (read < messages.length) {
        const m = messages[read++]!
        if (m.type === 'turn-start' && m.turn.role === 'interviewer') {
          shown = m.turn.text
          takenBack = []
        }
        if (m.type === 'token-delta') shown += m.text
        if (m.type === 'turn-revise') {
          takenBack.push(shown)
          shown = m.text
        }
        if (m.type === 'turn-end' && m.turn.role === 'interviewer') {
          if (shown !== m.turn.text) {
            throw new Error(`streamed "${shown}" but the turn ended as "${m.turn.text}"`)
          }
          return { turn: m.turn, takenBack }
        }
        if (m.type === 'session-ended') return null
        if (m.type === 'error') throw new Error(`server error ${m.code}: ${m.message}`)
      }
      if (Date.now() > deadline) throw new Error(`no interviewer turn in ${TURN_TIMEOUT_MS} ms`)
      await new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, 250)
      })
    }
  }

  return {
    id,
    messages,
    nextInterviewerTurn,
    send: (message: Record<string, unknown>) => ws.send(JSON.stringify(message)),
    close: async () => {
      if (ws.readyState === WebSocket.CLOSED) return
      const closed = once(ws, 'close')
      ws.close()
      await closed
    },
  }
}
