import { afterAll, beforeAll, describe } from 'vitest'
import { hasChromium, openBrowser, type Browser } from './browser.js'
import { startServer, type RunningServer } from './start-server.js'
import { ensureWebBuild } from './web-build.js'

if (!hasChromium)
  console.warn('e2e skipped: /usr/bin/chromium is absent (apt-get install -y chromium)')

/** The running app and browser of a suite; read them inside tests and hooks, once they exist. */
export type ChromiumSuite = { readonly server: RunningServer; readonly browser: Browser }

/**
 * A describe block with the built web client served by a real server on 127.0.0.1 (offline
 * engine, temp data) and a page in Debian's Chromium, both stopped after the block. Skipped,
 * with a warning, where /usr/bin/chromium is absent. A real browser and server on a busy CI
 * machine get a generous per-test time.
 */
export function describeInChromium(name: string, body: (suite: ChromiumSuite) => void): void {
  describe.skipIf(!hasChromium)(name, { timeout: 90_000 }, () => {
    let server: RunningServer | undefined
    let browser: Browser | undefined
    beforeAll(async () => {
      ensureWebBuild()
      server = await startServer()
      browser = await openBrowser()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.stop()
    })
    body({
      get server() {
        if (!server) throw new Error('the server is not started yet')
        return server
      },
      get browser() {
        if (!browser) throw new Error('the browser is not open yet')
        return browser
      },
    })
  })
}
