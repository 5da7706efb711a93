import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, openBrowser, type Browser } from './support/browser.js'
import {
  GOOD_ANSWERS,
  sendAnswer,
  startFromQuestion,
  waitForInterviewer,
} from './support/interview-steps.js'
import { findFreePort, startServer, type RunningServer } from './support/start-server.js'
import { ensureWebBuild } from './support/web-build.js'

if (!hasChromium)
  console.warn('e2e skipped: /usr/bin/chromium is absent (apt-get install -y chromium)')

// The server is stopped and started again mid-interview, so it needs a port it can come back on
// (found free through port 0) and a data folder that outlives the first process.
describe.skipIf(!hasChromium)('a dropped connection in Chromium', { timeout: 90_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let port = 0
  const dataDir = mkdtempSync(join(tmpdir(), 'sparring-e2e-restart-'))

  beforeAll(async () => {
    ensureWebBuild()
    port = await findFreePort()
    server = await startServer({ port, dataDir })
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps the transcript on screen, queues an answer, and resumes when the server is back', async () => {
    const { page } = browser
    await startFromQuestion(
      page,
      server.url,
      'the-payment-race-condition',
      async () => {},
      'Start mock interview',
    )
    await sendAnswer(page, GOOD_ANSWERS[0]!)
    await waitForInterviewer(page, 2)
    const before = await page.locator('.turns > li').allTextContents()

    await server.stop()
    await page.getByText('Reconnecting…').waitFor()
    expect(await page.locator('.turns > li').allTextContents()).toEqual(before)

    // Written and sent while the server is down: shown as sending, not lost.
    const box = page.getByLabel(/Your answer/)
    await box.fill(GOOD_ANSWERS[1]!)
    await box.press('Control+Enter')
    await page.locator('.turn-pending').getByText('Sending…').waitFor()

    server = await startServer({ port, dataDir })
    await page.getByText('Connected').waitFor({ timeout: 30_000 })
    await page.waitForFunction(
      () => document.querySelectorAll('.turn-pending').length === 0,
      undefined,
      { timeout: 30_000 },
    )
    await waitForInterviewer(page, 3)
    const after = await page.locator('.turns > li').allTextContents()
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.filter((t) => t.includes(GOOD_ANSWERS[1]!))).toHaveLength(1)

    // A reload after all that shows the same transcript from the server.
    await page.reload()
    await waitForInterviewer(page, 3)
    expect(await page.locator('.turns > li').allTextContents()).toEqual(after)
  })
})
