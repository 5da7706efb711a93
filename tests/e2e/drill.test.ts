import { expect, it } from 'vitest'
import { findSeriousViolations, saveScreenshotsAtBothWidths } from './support/browser.js'
import {
  GOOD_ANSWERS,
  sendAnswer,
  startDrill,
  waitForInterviewer,
} from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'

describeInChromium('a drill in Chromium', (e2e) => {
  it('fires follow-ups on one framework step with a verdict after each answer and a tally', async () => {
    const { page } = e2e.browser
    await startDrill(page, e2e.server.url)
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
    await saveScreenshotsAtBothWidths(page, 'drill')
  })
})
