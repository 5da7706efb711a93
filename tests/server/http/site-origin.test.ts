import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { createTestDeps } from '../../support/test-deps.js'
import { useTempDirs } from '../../support/temp-dirs.js'

const site = { publicUrl: null, allowedOrigins: ['https://partner.example.com'] }

/** Starts a session as a fresh browser and ends it with `headers`; the end's response too. */
async function endSession(app: ReturnType<typeof createApp>, headers: Record<string, string>) {
  const first = await app.request('/api/health')
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!
  const start = await app.request('/api/sessions', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ questionId: 'sample-question', mode: 'mock' }),
  })
  const { id } = (await start.json()) as { id: string }
  const end = await app.request(`/api/sessions/${id}/end`, {
    method: 'POST',
    headers: { cookie, ...headers },
  })
  return { cookie, id, end }
}

const startAndEnd = async (app: ReturnType<typeof createApp>, headers: Record<string, string>) =>
  (await endSession(app, headers)).end

describe('same-origin guard on state-changing requests', () => {
  const app = createApp(createTestDeps({ site }))

  it.each([
    ['Origin of another port', { origin: 'http://localhost:9999' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site', origin: 'http://a.localhost' }],
    ['an opaque origin', { origin: 'null' }],
  ])('refuses %s with 403 forbidden:origin', async (_, headers) => {
    const res = await startAndEnd(app, headers)
    expect(res.status).toBe(403)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('forbidden:origin')
    expect(body.error.message).toMatch(/^Refused: this request came from a page of another origin/)
  })

  it.each([
    ['its own origin', { origin: 'http://localhost' }],
    ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }],
    ['an allowlisted origin', { origin: 'https://partner.example.com' }],
    ['no browser headers at all (curl, the CLI)', {}],
  ])('lets %s through', async (_, headers) => {
    expect((await startAndEnd(app, headers)).status).toBe(200)
  })

  it('takes PUBLIC_URL as the site when set, whatever the Host', async () => {
    const behindProxy = createApp(
      createTestDeps({ site: { publicUrl: 'https://sparring.example.com', allowedOrigins: [] } }),
    )
    expect((await startAndEnd(behindProxy, { origin: 'http://localhost' })).status).toBe(403)
    const ok = await startAndEnd(behindProxy, { origin: 'https://sparring.example.com' })
    expect(ok.status).toBe(200)
  })

  it('leaves GET alone', async () => {
    const res = await app.request('/api/health', { headers: { origin: 'http://evil.example' } })
    expect(res.status).toBe(200)
  })
})

const tempDir = useTempDirs('sparring-web')

/** A built web client of two files, enough for the static routes. */
function webDist(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="/assets/app.js"></script>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  return dir
}

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
  expect(csp).toContain("frame-ancestors 'none'")
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
}

describe('security headers', () => {
  const app = createApp(createTestDeps())

  it.each(['/api/health', '/api/nothing-here', '/api/shared/unknown-token'])(
    'are on the API: %s',
    async (path) => expectSecurityHeaders(await app.request(path)),
  )

  // The app's page, a share link's page (the same page, by the client-side route) and the
  // scripts it loads, served from the built client.
  it.each(['/', '/shared/some-token', '/session/some-id', '/assets/app.js'])(
    'are on the app and share pages: %s',
    async (path) => {
      const withWeb = createApp(createTestDeps({ webDistDir: webDist() }))
      const res = await withWeb.request(path)
      expect(res.status).toBe(200)
      expectSecurityHeaders(res)
    },
  )
})

describe('share links', () => {
  it('are built from PUBLIC_URL, never from the Host header', async () => {
    const deps = createTestDeps({
      site: { publicUrl: 'https://sparring.example.com/', allowedOrigins: [] },
    })
    const app = createApp(deps)
    const { cookie, id, end } = await endSession(app, {})
    expect(end.status).toBe(200)
    const share = await app.request(`http://evil.example/api/sessions/${id}/share`, {
      method: 'POST',
      headers: { cookie, host: 'evil.example' },
    })
    expect(share.status).toBe(201)
    const { url, token } = (await share.json()) as { url: string; token: string }
    expect(url).toBe(`https://sparring.example.com/shared/${token}`)
  })

  it('are relative without PUBLIC_URL, whatever the Host header says', async () => {
    const app = createApp(createTestDeps())
    const { cookie, id } = await endSession(app, {})
    const share = await app.request(`http://evil.example/api/sessions/${id}/share`, {
      method: 'POST',
      headers: { cookie, host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    })
    expect(share.status).toBe(201)
    const { url, token } = (await share.json()) as { url: string; token: string }
    expect(url).toBe(`/shared/${token}`)
  })
})
