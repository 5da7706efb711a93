import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe } from 'vitest'
import { hasChromium, openBrowser, type Browser } from './browser.js'
import { startServer, type RunningServer } from './start-server.js'
import { ensureWebBuild } from './web-build.js'

if (!hasChromium)
  console.warn('e2e skipped: /usr/bin/chromium is absent (apt-get install -y chromium)')

/** The running app and browser of a suite; read them inside tests and hooks, once they exist. */
export type ChromiumSuite = {
  readonly server: RunningServer
  readonly browser: Browser
  /** Stops the server mid-suite (a dropped connection); its data stays for startServerAgain. */
  stopServer: () => Promise<void>
  /** Starts the server again on the port it had, with the same data; `server` is then the new one. */
  startServerAgain: () => Promise<void>
}

/**
 * A describe block with the built web client served by a real server on 127.0.0.1 (offline
 * engine, a temp data folder kept until the block ends) and a page in Debian's Chromium, both
 * stopped after the block. Skipped, with a warning, where /usr/bin/chromium is absent. A real
 * browser and server on a busy CI machine get a generous per-test time.
 */
export function describeInChromium(name: string, body: (suite: ChromiumSuite) => void): void {
  describe.skipIf(!hasChromium)(name, { timeout: 90_000 }, () => {
    let server: RunningServer | undefined
    let browser: Browser | undefined
    let dataDir = ''
    beforeAll(async () => {
      ensureWebBuild()
      dataDir = mkdtempSync(join(tmpdir(), 'sparring-e2e-'))
      server = await startServer({ dataDir })
      browser = await openBrowser()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.stop()
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
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
      stopServer: async () => {
        await server?.stop()
      },
      startServerAgain: async () => {
        // The port the first server had; it is free again since that server stopped.
        const port = Number(new URL(server!.url).port)
        server = await startServer({ port, dataDir })
      },
    })
  })
}
