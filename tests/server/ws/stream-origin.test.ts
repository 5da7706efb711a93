import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { SiteOrigins } from '../../../server/http/site-origin.js'
import { createTestDeps } from '../../support/test-deps.js'
import { createHttpBrowser, startServer } from './support/ws-harness.js'

/**
 * Issue 11, item 3: the interview stream's upgrade is refused (403, before any socket opens)
 * unless its Origin is the site's: PUBLIC_URL's origin, else the origin the request was sent to,
 * plus ALLOWED_ORIGINS. Over real sockets, through the production wiring; the Chromium attacker
 * page (tests/e2e/cross-site.test.ts) proves the same from a browser.
 */

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()))
})

/** Opens the stream with `origin`; the upgrade's status when refused, 101 once open. */
async function upgrade(site: SiteOrigins, origin: (port: number) => string | undefined) {
  const server = await startServer(createTestDeps({ site }))
  stops.push(server.stop)
  const browser = createHttpBrowser(server.port)
  const id = await browser.startSession({ questionId: 'sample-question', mode: 'mock' })
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/sessions/${id}/stream`, {
    headers: { cookie: browser.cookie() },
    origin: origin(server.port),
  })
  return new Promise<{ status: number }>((resolve) => {
    ws.on('open', () => {
      ws.close()
      resolve({ status: 101 })
    })
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
  })
}

const noSite: SiteOrigins = { publicUrl: null, allowedOrigins: [] }

describe('the stream upgrade checks Origin', () => {
  // (A browser shows no body of a refused upgrade, only that it failed: the status is the test.)
  it('refuses a page on another port of the same host with 403', async () => {
    const refused = await upgrade(noSite, (port) => `http://127.0.0.1:${port + 1}`)
    expect(refused.status).toBe(403)
  })

  it('refuses a sibling host and an opaque origin', async () => {
    expect((await upgrade(noSite, () => 'http://evil.127.0.0.1.nip.io')).status).toBe(403)
    expect((await upgrade(noSite, () => 'null')).status).toBe(403)
  })

  it('opens for the origin it is served on, and for none (not a browser)', async () => {
    expect((await upgrade(noSite, (port) => `http://127.0.0.1:${port}`)).status).toBe(101)
    expect((await upgrade(noSite, () => undefined)).status).toBe(101)
  })

  it('opens for an ALLOWED_ORIGINS entry', async () => {
    const site = { publicUrl: null, allowedOrigins: ['https://app.example.com'] }
    expect((await upgrade(site, () => 'https://app.example.com')).status).toBe(101)
  })

  it("takes PUBLIC_URL's origin as the site's, not the one it was sent to", async () => {
    const site = { publicUrl: 'https://sparring.example.com', allowedOrigins: [] }
    expect((await upgrade(site, () => 'https://sparring.example.com')).status).toBe(101)
    expect((await upgrade(site, (port) => `http://127.0.0.1:${port}`)).status).toBe(403)
  })
})
