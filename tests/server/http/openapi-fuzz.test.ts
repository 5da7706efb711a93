import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { ErrorResponseSchema } from '../../../server/http/error-schema.js'
import { DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import { anyJson, createRng, mutate, oddString, type Rng } from '../../support/fuzz.js'
import { createTestDeps } from '../../support/test-deps.js'

/**
 * Issue 11, item 5: 5,000+ hostile requests over every operation of the OpenAPI document (read
 * from /api/openapi.json, so a new route is fuzzed without editing this file): odd path
 * parameters and queries, bodies near each route's schema, arbitrary and broken JSON, wrong
 * content types, missing or forged cookies. No answer may be a 5xx, and every error must be the
 * usual envelope. FUZZ_SEED picks another run; a failure names its seed and request.
 */

const REQUESTS = 5_000
const SEED = Number(process.env.FUZZ_SEED ?? 20261202)

type Operation = {
  method: string
  path: string
  params: { in: string; name: string }[]
  hasBody: boolean
}

const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/sessions': { questionId: 'sample-question', mode: 'mock' },
  'POST /api/sessions/{id}/fork': { uptoSeq: 1 },
  'POST /api/grade': {
    questionId: 'sample-question',
    turns: [
      { id: 't1', role: 'interviewer', text: 'Why did it pay twice?' },
      { id: 't2', role: 'candidate', text: 'A retry without an idempotency key.' },
    ],
  },
}

const VALID_QUERIES: Record<string, string[]> = {
  limit: ['1', '5', '50'],
  difficulty: ['easy', 'medium', 'hard'],
  role: ['backend'],
  level: ['senior'],
  company: ['stripe'],
  q: ['payment'],
  cursor: [''],
}

/** Percent-encodes any string; a lone surrogate (which encodeURIComponent throws on) as U+FFFD. */
const encode = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'))

function pathValue(rng: Rng, name: string, valid: Record<string, string[]>): string {
  if (rng.chance(0.5) && valid[name]?.length) return rng.pick(valid[name]!)
  const odd = oddString(rng)
  // Mostly encoded (what a client sends); sometimes raw traversal, double-encoded or empty.
  return rng.pick([encode(odd), encode(odd), '..%2f..%2f', '%252e%252e', '%ZZ', '%E0%A4%A', ''])
}

function buildRequest(rng: Rng, op: Operation, valid: Record<string, string[]>, cookie: string) {
  let path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValue(rng, name, valid))
  const query = op.params
    .filter((p) => p.in === 'query' && rng.chance(0.6))
    .map((p) => {
      const value =
        rng.chance(0.5) && VALID_QUERIES[p.name] ? rng.pick(VALID_QUERIES[p.name]!) : oddString(rng)
      return `${p.name}=${encode(value)}`
    })
  if (rng.chance(0.1)) query.push(`${encode(oddString(rng))}=1`)
  if (query.length > 0) path += `?${query.join('&')}`
  const headers: Record<string, string> = {}
  const who = rng.next()
  if (who < 0.8) headers.cookie = cookie
  else if (who < 0.9) headers.cookie = `sparring_owner=${encode(oddString(rng))}`
  let body: string | undefined
  if (op.hasBody || (op.method !== 'GET' && rng.chance(0.05))) {
    const validBody = VALID_BODIES[`${op.method} ${op.path}`] ?? {}
    const roll = rng.next()
    body =
      roll < 0.6
        ? JSON.stringify(mutate(rng, validBody))
        : roll < 0.8
          ? JSON.stringify(anyJson(rng))
          : roll < 0.9
            ? '{"questionId": "sample-question", "mode": '
            : oddString(rng)
    headers['content-type'] = rng.chance(0.9) ? 'application/json' : rng.pick(['text/plain', ''])
  }
  return { path, init: { method: op.method, headers, body } }
}

describe('OpenAPI routes fuzz', () => {
  it(`answers ${REQUESTS} hostile requests over every route without a 5xx (seed ${SEED})`, async () => {
    const rng = createRng(SEED)
    const app = createApp(
      createTestDeps({
        // The fuzz is for the handlers behind the limits, which are tested on their own.
        quotas: {
          ...DEFAULT_QUOTAS,
          sessionsPerMinute: 1e6,
          gradingsPerHour: 1e6,
          concurrentGradings: 1e6,
        },
      }),
    )
    const first = await app.request('/api/health')
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!
    const post = (path: string, body?: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    // Real ids, so part of the requests get past "not found" into the handlers.
    const start = VALID_BODIES['POST /api/sessions']
    const active = ((await (await post('/api/sessions', start)).json()) as { id: string }).id
    const ended = ((await (await post('/api/sessions', start)).json()) as { id: string }).id
    await post(`/api/sessions/${ended}/end`)
    const { token } = (await (await post(`/api/sessions/${ended}/share`)).json()) as {
      token: string
    }
    const valid = { id: [active, ended, 'sample-question'], token: [token] }

    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: Operation['params']; requestBody?: unknown }>
      >
    }
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        hasBody: op.requestBody !== undefined,
      })),
    )
    expect(operations.length).toBeGreaterThanOrEqual(16)

    const failures: string[] = []
    const byStatus = new Map<number, number>()
    for (let i = 0; i < REQUESTS; i++) {
      const op = operations[i % operations.length]!
      const { path, init } = buildRequest(rng, op, valid, cookie)
      const res = await app.request(path, init)
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1)
      const text = await res.text()
      const what = `#${i} ${init.method} ${path} -> ${res.status} ${text.slice(0, 200)}`
      if (res.status >= 500) failures.push(what)
      else if (res.status >= 400 && !ErrorResponseSchema.safeParse(JSON.parse(text)).success) {
        failures.push(`not the error envelope: ${what}`)
      }
    }
    expect(failures, `seed ${SEED}`).toEqual([])
    // The fuzz reached the handlers: some requests succeeded, many were refused.
    expect([...byStatus.keys()].some((s) => s < 300)).toBe(true)
    expect((await app.request('/api/health')).status).toBe(200)
  }, 120_000)
})
