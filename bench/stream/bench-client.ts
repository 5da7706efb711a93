import { once } from 'node:events'
import WebSocket from 'ws'
import type { ReceivedDelta } from './delta-timing.js'
import { readWallClockMs } from './wall-clock.js'

type Frame = {
  type: string
  seq: number
  turn?: { id: string; role: string }
  text?: string
  turnId?: string
}

/** What one simulated candidate saw of the follow-up turn. */
export type ClientResult = {
  tag: string
  sentAt: number
  deltas: ReceivedDelta[]
  /**
   * The turn's text as the client shows it at its end: deltas appended, each `turn-revise`
   * (a shown sentence taken back) replacing the whole. For the floor and the bare relay, the
   * deltas joined.
   */
  shownText: string
  /** `turn-revise` frames of the turn (0 for the floor and the bare relay). */
  revisions: number
  turnEndAt: number | null
  turnText: string | null
  frames: Array<{ type: string; seq: number }>
  error: string | null
}

/** A candidate: an identity cookie, a session, and its stream socket with every frame stamped. */
export async function connectCandidate(baseUrl: string, questionId: string) {
  const health = await fetch(`${baseUrl}/api/health`)
  const cookie = (health.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  await health.arrayBuffer()
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ questionId, mode: 'mock' }),
  })
  if (res.status !== 201) throw new Error(`start session: ${res.status} ${await res.text()}`)
  const { id } = (await res.json()) as { id: string }
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/sessions/${id}/stream`, {
    headers: { cookie },
  })
  const frames: Array<{ frame: Frame; at: number }> = []
  let wake: (() => void) | null = null
  ws.on('message', (data) => {
    frames.push({ frame: JSON.parse(String(data)) as Frame, at: readWallClockMs() })
    wake?.()
  })
  await once(ws, 'open')

  /** Resolves with the index of the first frame from `from` that matches, or -1 at the deadline. */
  async function waitFor(match: (f: Frame) => boolean, from: number, deadline: number) {
    for (;;) {
      const i = frames.findIndex((f, k) => k >= from && match(f.frame))
      if (i >= 0) return i
      const left = deadline - Date.now()
      if (left <= 0) return -1
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500))
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  }

  return {
    /** Waits for the scripted opening turn to end. */
    async awaitOpening(deadline: number) {
      const i = await waitFor(
        (f) => f.type === 'turn-end' && f.turn?.role === 'interviewer',
        0,
        deadline,
      )
      if (i < 0) throw new Error('no opening turn')
    },
    /** Sends one answer and collects the interviewer's follow-up. */
    async answer(tag: string, text: string, deadline: number): Promise<ClientResult> {
      const from = frames.length
      const sentAt = readWallClockMs()
      ws.send(JSON.stringify({ type: 'answer', clientId: tag, text }))
      const start = await waitFor(
        (f) => f.type === 'turn-start' && f.turn?.role === 'interviewer',
        from,
        deadline,
      )
      const turnId = start >= 0 ? frames[start]!.frame.turn!.id : null
      const end =
        turnId === null
          ? -1
          : await waitFor((f) => f.type === 'turn-end' && f.turn?.id === turnId, start, deadline)
      const deltas: ReceivedDelta[] = []
      let shownText = ''
      let revisions = 0
      for (const f of frames.slice(from)) {
        if (f.frame.turnId !== turnId) continue
        if (f.frame.type === 'token-delta') {
          deltas.push({ receivedAt: f.at, text: f.frame.text ?? '' })
          shownText += f.frame.text ?? ''
        } else if (f.frame.type === 'turn-revise') {
          revisions++
          shownText = f.frame.text ?? ''
        }
      }
      const endFrame = end >= 0 ? frames[end]! : null
      return {
        tag,
        sentAt,
        deltas,
        shownText,
        revisions,
        turnEndAt: endFrame?.at ?? null,
        turnText: (endFrame?.frame.turn as { text?: string } | undefined)?.text ?? null,
        frames: frames.map((f) => ({ type: f.frame.type, seq: f.frame.seq })),
        error: end < 0 ? 'follow-up did not end before the deadline' : null,
      }
    },
    close: () => ws.terminate(),
  }
}
