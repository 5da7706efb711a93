import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { DEFAULT_MAX_BODY_BYTES } from '../../../server/http/body-limits.js'
import { createBrowser } from '../../support/http-client.js'
import { createTestDeps } from '../../support/test-deps.js'
import { startServer } from '../ws/support/ws-harness.js'

const oversized = JSON.stringify({ uptoSeq: 1, pad: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) })

/** A body with no Content-Length: the limit must hold while it streams, not after. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(offset, offset + 4096))
      offset += 4096
    },
  })
}

describe('body limits', () => {
  const app = createApp(createTestDeps())

  const limited = [
    ['POST', '/api/sessions'],
    ['POST', '/api/sessions/any/fork'],
    ['POST', '/api/sessions/any/end'],
    ['POST', '/api/sessions/any/share'],
    ['POST', '/api/sessions/any/grade'],
    ['DELETE', '/api/sessions/any/share'],
  ]

  // A route added later is in the OpenAPI document: it must be in the list above (or be
  // POST /api/grade, whose own larger limit is tested in tests/server/limits/grading-limits.test.ts).
  it('covers every operation of /api/openapi.json that is not a read', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((method) => method !== 'get')
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, 'any')}`),
    )
    const covered = [...limited.map(([m, p]) => `${m} ${p}`), 'POST /api/grade']
    expect(operations.sort()).toEqual(covered.sort())
  })

  it.each(limited)(
    'refuses an oversized body on %s %s with 413 in the error envelope',
    async (method, path) => {
      const res = await app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: oversized,
      })
      expect(res.status).toBe(413)
      expect(await res.json()).toEqual({
        error: {
          code: 'too_large:body',
          message: 'A request body may be at most 32 KB.',
          requestId: expect.any(String),
        },
      })
    },
  )

  it('refuses a chunked body once it passes the limit', async () => {
    const res = await app.request('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked(oversized),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
  })

  it('lets a body under the limit through to validation', async () => {
    const browser = createBrowser(app)
    const res = await browser.post('/api/sessions', {
      questionId: 'sample-question',
      mode: 'mock',
      options: {},
      note: 'x'.repeat(DEFAULT_MAX_BODY_BYTES - 200),
    })
    expect(res.status).toBe(201)
  })
})

describe('body limits on a real server', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    server = await startServer(createTestDeps())
  })
  afterAll(() => server.stop())

  it('answers a declared 200 MB body with 413 before reading it', async () => {
    const started = Date.now()
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/sessions/any/fork',
        headers: { 'content-type': 'application/json', 'content-length': 200 * 1024 * 1024 },
      })
      req.on('response', (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body })
          req.destroy()
        })
      })
      req.on('error', reject)
      // Only the first megabyte is ever written: the reply must not wait for the rest.
      req.write(Buffer.alloc(1024 * 1024, 'x'))
    })
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body).error.code).toBe('too_large:body')
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
