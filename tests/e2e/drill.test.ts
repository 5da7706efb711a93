import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  findSeriousViolations,
  hasChromium,
  openBrowser,
  saveScreenshot,
  type Browser,
} from './support/browser.js'
import {
  GOOD_ANSWERS,
  sendAnswer,
  startFromQuestion,
  waitForInterviewer,
} from './support/interview-steps.js'
import { startServer, type RunningServer } from './support/start-server.js'
import { ensureWebBuild } from './support/web-build.js'

if (!hasChromium)
  console.warn('e2e skipped: /usr/bin/chromium is absent (apt-get install -y chromium)')

// A real browser and server on a busy CI machine: generous per-test time.
describe.skipIf(!hasChromium)('a drill in Chromium', { timeout: 90_000 }, () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    ensureWebBuild()
    server = await startServer()
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('fires follow-ups on one framework step with a verdict after each answer and a tally', async () => {
    const { page } = browser
    await startFromQuestion(
      page,
      server.url,
      'the-payment-race-condition',
      async (p) => {
        await p.getByLabel('Drill one area').check()
        await p.getByLabel('Drill on', { exact: true }).selectOption({ index: 1 })
      },
      'Start drill',
    )
    expect(await page.locator('.eyebrow').textContent()).toMatch(/^Drill · /)
    expect(await page.getByRole('button', { name: 'Ask a clarifying question' }).count()).toBe(0)

    await sendAnswer(page, GOOD_ANSWERS[1]!)
    await waitForInterviewer(page, 2)
    await page.waitForFunction(
      () => document.querySelector('[data-testid="drill-tally"]')?.textContent !== '0 solid of 0',
    )
    expect(await page.locator('.turn-kind-verdict').count()).toBeGreaterThanOrEqual(1)

    await sendAnswer(page, 'I am not sure.')
    await waitForInterviewer(page, 3)
    await page.waitForFunction(() =>
      /of 2$/.test(document.querySelector('[data-testid="drill-tally"]')?.textContent ?? ''),
    )
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshot(page, 'drill')
  })
})
