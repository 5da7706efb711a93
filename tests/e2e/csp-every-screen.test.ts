import { beforeAll, beforeEach, expect, it } from 'vitest'
import { collectCspViolations } from './support/csp-violations.js'
import { describeInChromium } from './support/describe-in-chromium.js'
import {
  GOOD_ANSWERS,
  sendAnswer,
  startFromQuestion,
  waitForInterviewer,
} from './support/interview-steps.js'

const QUESTION = 'the-payment-race-condition'

/** An answer with a diagram, so the interview and the review load mermaid's code too. */
const DIAGRAM_ANSWER = [
  GOOD_ANSWERS[1]!,
  '',
  '```mermaid',
  'sequenceDiagram',
  '  Client->>API: pay(order)',
  '  API->>Stripe: charge (idempotency key)',
  '```',
].join('\n')

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
    await page.setViewportSize({ width: 375, height: 812 })
    await page.reload()
    await page.locator('.question-card').first().waitFor()
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${e2e.server.url}/q/${QUESTION}`)
    await page.getByRole('heading', { name: 'Scenario' }).waitFor()
    expect(violations).toEqual([])
  })

  it('a mock interview with a diagram, a skip and the end, then the review and its share link', async () => {
    const { page } = e2e.browser
    await startFromQuestion(page, e2e.server.url, QUESTION, async () => {}, 'Start mock interview')
    await sendAnswer(page, DIAGRAM_ANSWER)
    await page.locator('.turn-candidate .mermaid-diagram svg').waitFor({ timeout: 30_000 })
    await waitForInterviewer(page, 2)
    await page.getByRole('button', { name: 'Skip' }).click()
    await waitForInterviewer(page, 3)
    await page.getByRole('button', { name: 'End interview' }).click()
    await page.getByRole('button', { name: 'End now' }).click()
    await page.getByRole('button', { name: 'Grade and review' }).click()
    await page.getByTestId('overall-score').waitFor({ timeout: 60_000 })
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
    await startFromQuestion(
      page,
      e2e.server.url,
      QUESTION,
      async (p) => {
        await p.getByLabel('Drill one area').check()
        await p.getByLabel('Drill on', { exact: true }).selectOption({ index: 1 })
      },
      'Start drill',
    )
    await sendAnswer(page, GOOD_ANSWERS[0]!)
    await waitForInterviewer(page, 2)
    await page.goto(`${e2e.server.url}/no/such/page`)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    expect(violations).toEqual([])
  })
})
