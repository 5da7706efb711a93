import { once } from 'node:events'
import OpenAI from 'openai'
import WebSocket from 'ws'
import type { ClientResult } from './bench-client.js'
import type { ReceivedDelta } from './delta-timing.js'
import { readWallClockMs } from './wall-clock.js'

/**
 * The two floors the stream benchmark compares Sparring with, as clients of the load generator:
 * each answers one tagged request and records every piece of text with its arrival time, in the
 * shape the Sparring client reports (bench-client.ts), so one summary serves all three.
 */
export type FloorClient = {
  answer(tag: string, deadline: number): Promise<ClientResult>
  close(): void
}

function result(
  tag: string,
  sentAt: number,
  deltas: ReceivedDelta[],
  endAt: number | null,
  error: string | null,
): ClientResult {
  return {
    tag,
    sentAt,
    deltas,
    shownText: deltas.map((d) => d.text).join(''),
    revisions: 0,
    turnEndAt: endAt,
    turnText: endAt === null ? null : deltas.map((d) => d.text).join(''),
    frames: [],
    error,
  }
}

/** A client of the fake model itself, through the openai SDK: what a relay can at best match. */
export function createDirectClient(modelUrl: string): FloorClient {
  const client = new OpenAI({ apiKey: 'bench', baseURL: modelUrl, maxRetries: 0 })
  return {
    async answer(tag, deadline) {
      const sentAt = readWallClockMs()
      const deltas: ReceivedDelta[] = []
      try {
        const stream = await client.chat.completions.create(
          { model: 'fake-model', stream: true, messages: [{ role: 'user', content: tag }] },
          { timeout: Math.max(1, deadline - Date.now()) },
        )
        for await (const chunk of stream) {
          const text = chunk.choices[0]?.delta.content
          if (text) deltas.push({ receivedAt: readWallClockMs(), text })
        }
        return result(tag, sentAt, deltas, readWallClockMs(), null)
      } catch (err) {
        return result(tag, sentAt, deltas, null, String(err))
      }
    },
    close() {},
  }
}

/** A WebSocket client of the bare relay (bare-relay.ts). */
export async function connectRelayClient(relayUrl: string): Promise<FloorClient> {
  const ws = new WebSocket(relayUrl)
  await once(ws, 'open')
  let onFrame:
    ((frame: { type: string; text?: string; message?: string }, at: number) => void) | null = null
  ws.on('message', (data) => {
    const at = readWallClockMs()
    onFrame?.(JSON.parse(String(data)) as { type: string; text?: string }, at)
  })
  return {
    answer(tag, deadline) {
      const sentAt = readWallClockMs()
      const deltas: ReceivedDelta[] = []
      return new Promise((resolve) => {
        const timer = setTimeout(
          () =>
            resolve(result(tag, sentAt, deltas, null, 'the reply did not end before the deadline')),
          Math.max(1, deadline - Date.now()),
        )
        onFrame = (frame, at) => {
          if (frame.type === 'token-delta') deltas.push({ receivedAt: at, text: frame.text ?? '' })
          else {
            clearTimeout(timer)
            const error = frame.type === 'turn-end' ? null : `relay: ${frame.message ?? frame.type}`
            resolve(result(tag, sentAt, deltas, error ? null : at, error))
          }
        }
        ws.send(JSON.stringify({ tag }))
      })
    },
    close: () => ws.terminate(),
  }
}
