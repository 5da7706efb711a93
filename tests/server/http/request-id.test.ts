import { once } from 'node:events'
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { installStructuredConsole } from '../../../server/log/structured-log.js'
import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import { createTestDeps } from '../../support/test-deps.js'
import { createHttpBrowser, startServer } from '../ws/support/ws-harness.js'

// Issue 11, item 4: every request has an id, sent back as X-Request-Id and in every error body,
// and the log lines of the work it does carry it, so a user's report leads to the log.

type ErrorBody = { error: { code: string; requestId?: string } }

const logged: string[] = []
let restore: (() => void) | null = null
const captureLogs = () => {
  restore = installStructuredConsole({
    stdout: (line) => logged.push(line),
    stderr: (line) => logged.push(line),
  })
}
afterEach(() => {
  restore?.()
  restore = null
  logged.length = 0
})

/** A store whose session reads fail as a damaged database would. */
class BrokenReadsStore extends MemorySessionStore {
  override async getSession(): Promise<never> {
    throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' })
  }
}

describe('request ids', () => {
  const app = createApp(createTestDeps())

  it('answers every request with an X-Request-Id, a new one each time', async () => {
    const a = (await app.request('/api/health')).headers.get('x-request-id')
    const b = (await app.request('/api/health')).headers.get('x-request-id')
    expect(a).toMatch(/^[\w-]{16,}$/)
    expect(b).not.toBe(a)
  })

  it.each([
    ['an unknown route (404)', '/api/nope', {}],
    ['a bad query (400)', '/api/sessions?limit=abc', {}],
    ['an oversized body (413)', '/api/sessions', { method: 'POST', body: 'x'.repeat(40_000) }],
    [
      'another origin (403)',
      '/api/sessions',
      { method: 'POST', headers: { origin: 'http://evil.example' } },
    ],
  ])('puts the id in the error body of %s', async (_, path, init: RequestInit) => {
    const res = await app.request(path, init)
    expect(res.status).toBeGreaterThanOrEqual(400)
    const body = (await res.json()) as ErrorBody
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'))
  })

  it('keeps a proxy-set token id, replaces one that is not a plain token', async () => {
    const kept = await app.request('/api/nope', { headers: { 'x-request-id': 'edge-42' } })
    expect(((await kept.json()) as ErrorBody).error.requestId).toBe('edge-42')
    const replaced = await app.request('/api/nope', { headers: { 'x-request-id': 'a b"<x>' } })
    expect(replaced.headers.get('x-request-id')).not.toBe('a b"<x>')
  })

  it('a 500 carries the id, and its log line is one JSON line with the same id and the error code', async () => {
    captureLogs()
    const broken = createApp(createTestDeps({ store: new BrokenReadsStore() }))
    const first = await broken.request('/api/health')
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!
    const res = await broken.request('/api/sessions/s1', { headers: { cookie } })
    expect(res.status).toBe(500)
    const id = ((await res.json()) as ErrorBody).error.requestId
    expect(id).toBe(res.headers.get('x-request-id'))
    const lines = logged.map((l) => JSON.parse(l) as Record<string, unknown>)
    const line = lines.find((l) => l.requestId === id)
    expect(line).toMatchObject({ level: 'error', err: { code: 'SQLITE_CORRUPT' } })
    expect(logged.every((l) => !l.includes('\n'))).toBe(true)
  })
})

describe('request ids on the interview stream', () => {
  let stop: (() => Promise<void>) | null = null
  afterEach(async () => {
    await stop?.()
    stop = null
  })

  it("logs a frame's failure with the id of the socket's upgrade request", async () => {
    // Once the session exists, the answer's quota check fails as a broken backend would.
    class BrokenCounters extends MemorySessionStore {
      broken = false
      override async addToCounter(key: string, delta: number, ttlMs: number): Promise<number> {
        if (this.broken) throw new Error('counter backend down')
        return super.addToCounter(key, delta, ttlMs)
      }
    }
    const store = new BrokenCounters()
    const server = await startServer(createTestDeps({ store }))
    stop = server.stop
    const browser = createHttpBrowser(server.port)
    await browser.get('/api/health')
    const start = await browser.post('/api/sessions', {
      questionId: 'sample-question',
      mode: 'mock',
    })
    const { id } = (await start.json()) as { id: string }
    store.broken = true
    captureLogs()
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/sessions/${id}/stream`, {
      headers: { cookie: browser.cookie(), 'x-request-id': 'upgrade-7' },
    })
    await once(ws, 'open')
    const failed = new Promise<{ requestId?: string }>((resolve) =>
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { code?: string; requestId?: string }
        if (frame.code === 'internal') resolve(frame)
      }),
    )
    ws.send(JSON.stringify({ type: 'answer', clientId: 'c1', text: 'A queue in front.' }))
    // The error frame names the id too, for the user to report.
    expect((await failed).requestId).toBe('upgrade-7')
    ws.close()
    const line = logged
      .map((l) => JSON.parse(l) as { requestId: string | null; msg: string })
      .find((l) => l.msg.startsWith('session stream:'))
    expect(line?.requestId).toBe('upgrade-7')
  })
})
