import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { collectCspViolations } from './support/csp-violations.js'
import { describeInChromium } from './support/describe-in-chromium.js'
import { startMockInterview } from './support/interview-steps.js'

/**
 * The attacker of issue 11: a page on another port of the same host (the same site, so the
 * SameSite=Lax identity cookie goes along) that knows the session id, as every share link shows.
 * It opens the session's stream and ends the session with a no-cors POST.
 */
function attackerPage(appUrl: string, sessionId: string): string {
  const stream = `${appUrl.replace('http', 'ws')}/api/sessions/${sessionId}/stream`
  return `<!doctype html><html><body><script>
    window.result = { opened: false, messages: 0, closed: null, posted: null };
    const ws = new WebSocket(${JSON.stringify(stream)});
    ws.onopen = () => { window.result.opened = true };
    ws.onmessage = () => { window.result.messages += 1 };
    ws.onclose = (e) => { window.result.closed = e.code };
    fetch(${JSON.stringify(`${appUrl}/api/sessions/${sessionId}/end`)},
      { method: 'POST', mode: 'no-cors', credentials: 'include' })
      .then(() => { window.result.posted = 'sent' }, () => { window.result.posted = 'failed' });
  </script></body></html>`
}

describeInChromium('cross-site requests in Chromium', (e2e) => {
  let attacker: Server
  let attackerUrl = ''
  let html = ''
  let violations: string[] = []

  beforeAll(async () => {
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(html)
    })
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`
    violations = await collectCspViolations(e2e.browser.context)
  })
  afterAll(async () => {
    // Chromium may still hold a connection to the attacker's page (open until the browser
    // closes, after this hook): close() alone waits for it and timed the hook out in CI.
    const closed = new Promise<void>((resolve) => attacker.close(() => resolve()))
    attacker.closeAllConnections()
    await closed
  })

  it('runs the app under its CSP with no violation: scripts, styles and the stream work', async () => {
    const { page } = e2e.browser
    const response = await page.goto(`${e2e.server.url}/`)
    const csp = response?.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    await startMockInterview(page, e2e.server.url)
    await page.getByText('Connected').waitFor()
    // The stylesheet applied: the status bar is laid out by it, not by the browser's defaults.
    const display = await page.locator('.status-bar').evaluate((el) => getComputedStyle(el).display)
    expect(display).not.toBe('block')
    expect(violations).toEqual([])
  })

  it('refuses the stream and the state change to a page on another port', async () => {
    const { page } = e2e.browser
    const sessionId = new URL(page.url()).pathname.split('/')[2]!
    html = attackerPage(e2e.server.url, sessionId)
    await page.goto(attackerUrl)
    await page.waitForFunction(
      () => {
        const r = (window as unknown as { result?: { closed: number | null; posted: unknown } })
          .result
        return r !== undefined && r.closed !== null && r.posted !== null
      },
      undefined,
      { timeout: 15_000 },
    )
    const result = await page.evaluate(() => (window as unknown as { result: unknown }).result)
    expect(result).toMatchObject({ opened: false, messages: 0, closed: 1006 })
    // The session is still active: the no-cors POST was refused (read with the app's own page).
    await page.goto(`${e2e.server.url}/`)
    const status = await page.evaluate(async (id) => {
      const res = await fetch(`/api/sessions/${id}`)
      return ((await res.json()) as { status: string }).status
    }, sessionId)
    expect(status).toBe('active')
  })

  it('lets the same page do both from the app origin', async () => {
    const { page } = e2e.browser
    const sessionId = await startMockInterview(page, e2e.server.url)
    const ended = await page.evaluate(async (id) => {
      const res = await fetch(`/api/sessions/${id}/end`, { method: 'POST' })
      return res.status
    }, sessionId)
    expect(ended).toBe(200)
  })
})
