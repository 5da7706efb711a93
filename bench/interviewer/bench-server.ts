import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { serve, type ServerType } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import { createApp } from '../../server/app.js'
import { createOfflineGrader } from '../../server/grading/offline-grader.js'
import { createOfflineTranscriptGrader } from '../../server/grading/offline-transcript-grader.js'
import type { InterviewRuntime } from '../../server/interview/interview-runtime.js'
import type { QuestionBank } from '../../server/questions/question-bank.js'
import { DEFAULT_QUOTAS } from '../../server/limits/quotas.js'
import { MemorySessionStore } from '../../server/sessions/memory-session-store.js'
import type { TextAnalyzer } from '../../server/text/index.js'

export type BenchServer = { port: number; stop: () => Promise<void> }

/**
 * The real app and WebSocket server, as main.ts wires them, on 127.0.0.1 port 0, with sessions
 * in memory: the simulated candidates talk to it over HTTP and a real WebSocket, like a browser.
 */
export async function startBenchServer(input: {
  bank: QuestionBank
  interview: InterviewRuntime
  analyzer: TextAnalyzer
}): Promise<BenchServer> {
  const clock = () => new Date()
  const app = createApp({
    bank: input.bank,
    store: new MemorySessionStore(),
    clock,
    newId: randomUUID,
    cookieSecret: randomUUID() + randomUUID(),
    offlineGrader: createOfflineTranscriptGrader(
      createOfflineGrader({ analyzer: input.analyzer, now: clock }),
    ),
    interview: input.interview,
    // Hundreds of simulated candidates share one address: the bench measures the interviewer,
    // not the rate limits, so they are raised out of its way.
    quotas: {
      ...DEFAULT_QUOTAS,
      sessionsPerMinute: 100_000,
      answersPerMinute: 100_000,
      addressFactor: 1,
    },
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 })
  const server: ServerType = serve({
    fetch: app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    websocket: { server: wss },
  })
  await once(server, 'listening')
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
