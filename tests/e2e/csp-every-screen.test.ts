import { beforeAll, beforeEach, expect, it } from 'vitest'
import { PHONE } from './support/browser.js'
import { collectCspViolations } from './support/csp-violations.js'
import { describeInChromium } from './support/describe-in-chromium.js'
import {
  endAndGrade,
  GOOD_ANSWERS,
  MARKDOWN_ANSWER,
  PAYMENT_QUESTION,
  sendAnswer,
  skipQuestion,
  startDrill,
  startMockInterview,
  waitForInterviewer,
} from './support/interview-steps.js'

/**
 * The app's CSP refuses eval and inline scripts; a library that tries either, even inside a
 * try/catch, makes the browser report a violation (and a site's CSP reports fill up with them).
 * Every screen, at both widths, must run with none.
 */
describeInChromium('no CSP violation on any screen, in Chromium', (e2e) => {
  let violations: string[] = []

  beforeAll(async () => {
    violations = await collectCspViolations(e2e.browser.context)
  })
  // Each test reports only its own screens' violations.
  beforeEach(() => {
    violations.splice(0)
  })

  it('the library, at 1280 and 375 px, and a question page', async () => {
    const { page } = e2e.browser
    await page.goto(`${e2e.server.url}/`)
    await page.locator('.question-card').first().waitFor()
    await page.getByLabel('Search').fill('idempotency')
    await page.setViewportSize(PHONE)
    await page.reload()
    await page.locator('.question-card').first().waitFor()
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${e2e.server.url}/q/${PAYMENT_QUESTION}`)
    await page.getByRole('heading', { name: 'Scenario' }).waitFor()
    expect(violations).toEqual([])
  })

  it('a mock interview with a diagram, a skip and the end, then the review and its share link', async () => {
    const { page } = e2e.browser
    await startMockInterview(page, e2e.server.url)
    await sendAnswer(page, MARKDOWN_ANSWER)
    await page.locator('.turn-candidate .mermaid-diagram svg').waitFor({ timeout: 30_000 })
    await waitForInterviewer(page, 2)
    await skipQuestion(page, 3)
    await endAndGrade(page)
    await page.getByRole('button', { name: 'Create share link' }).click()
    const shareUrl = await page.getByLabel(/Share link/).inputValue()
    await page.goto(shareUrl)
    await page.getByText('Shared review (read-only)').waitFor()
    expect(violations).toEqual([])
  })

  it('history, a drill and an unknown page', async () => {
    const { page } = e2e.browser
    await page.goto(`${e2e.server.url}/history`)
    await page.locator('.score-chart canvas').first().waitFor()
    await startDrill(page, e2e.server.url)
    await sendAnswer(page, GOOD_ANSWERS[0]!)
    await waitForInterviewer(page, 2)
    await page.goto(`${e2e.server.url}/no/such/page`)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    expect(violations).toEqual([])
  })
})
