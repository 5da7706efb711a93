import { expect, it } from 'vitest'
import { describeInChromium } from './support/describe-in-chromium.js'
import {
  GOOD_ANSWERS,
  sendAnswer,
  startMockInterview,
  waitForInterviewer,
} from './support/interview-steps.js'

// The server is stopped and started again mid-interview, on the same port and data folder.
describeInChromium('a dropped connection in Chromium', (e2e) => {
  it('keeps the transcript on screen, queues an answer, and resumes when the server is back', async () => {
    const { page } = e2e.browser
    await startMockInterview(page, e2e.server.url)
    await sendAnswer(page, GOOD_ANSWERS[0]!)
    await waitForInterviewer(page, 2)
    const before = await page.locator('.turns > li').allTextContents()

    await e2e.stopServer()
    await page.getByText('Reconnecting…').waitFor()
    expect(await page.locator('.turns > li').allTextContents()).toEqual(before)

    // Written and sent while the server is down: shown as sending, not lost.
    const box = page.getByLabel(/Your answer/)
    await box.fill(GOOD_ANSWERS[1]!)
    await box.press('Control+Enter')
    await page.locator('.turn-pending').getByText('Sending…').waitFor()

    await e2e.startServerAgain()
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
