import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { findSeriousViolations, saveScreenshotsAtBothWidths } from './support/browser.js'
import {
  GOOD_ANSWERS,
  gradeOneAnswer,
  PAYMENT_QUESTION as PAYMENT,
  waitForInterviewer,
} from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'

const GRAPHQL = 'the-graphql-n-1-mystery'

async function publicCompetencies(page: Page, questionId: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/api/questions/${id}`)
    const body = (await res.json()) as { competencies: Array<{ name: string }> }
    return body.competencies.map((c) => c.name)
  }, questionId)
}

describeInChromium('history that compares like with like, in Chromium', (e2e) => {
  it('grades two attempts of one question', async () => {
    const { page } = e2e.browser
    await gradeOneAnswer(page, e2e.server.url, PAYMENT, GOOD_ANSWERS[0]!)
    await gradeOneAnswer(page, e2e.server.url, PAYMENT, `${GOOD_ANSWERS[1]!} ${GOOD_ANSWERS[2]!}`)
  })

  it('grades an attempt of another question', async () => {
    const { page } = e2e.browser
    await gradeOneAnswer(
      page,
      e2e.server.url,
      GRAPHQL,
      'I would count the queries per request, batch the nested resolvers with DataLoader and cap query cost.',
    )
  })

  it('charts one question at a time, with a legend naming every line and its scores', async () => {
    const { page } = e2e.browser
    await page.getByRole('link', { name: 'History' }).click()
    await page.getByRole('heading', { name: 'Per question' }).waitFor()
    await page.locator('.score-chart canvas').first().waitFor()
    const question = page.getByLabel('Question', { exact: true })

    await question.selectOption(PAYMENT)
    await page.getByText('The Payment Race Condition: the overall score').waitFor()
    expect(await page.locator('.trend-table thead th').allTextContents()).toHaveLength(1 + 2)
    const legend = page.locator('.chart-legend tr')
    const rows = await legend.allTextContents()
    expect(rows[0]).toMatch(/^Overall/)
    expect(rows.length).toBeGreaterThan(2)
    for (const row of rows) {
      expect(row).not.toContain('--')
      expect(row).toMatch(/\d\.\d/)
    }
    // The second attempt's cells carry their change from the first.
    expect(
      await page.locator('.chart-legend tr').first().locator('td').nth(1).textContent(),
    ).toMatch(/[+−±]\d\.\d/)
    expect(await page.locator('.u-legend').count()).toBe(0)

    await question.selectOption(GRAPHQL)
    await page.getByText('The GraphQL N+1 Mystery: the overall score').waitFor()
    expect(await page.locator('.trend-table thead th').allTextContents()).toHaveLength(1 + 1)
    expect(await findSeriousViolations(page)).toEqual([])
  })

  it('follows every competency across questions', async () => {
    const { page } = e2e.browser
    const expected = new Set([
      ...(await publicCompetencies(page, PAYMENT)),
      ...(await publicCompetencies(page, GRAPHQL)),
    ])
    const shown = await page.locator('.competency-table tbody th').allTextContents()
    expect(new Set(shown)).toEqual(expected)
  })

  it('lists the weakest criteria, each one click from a drill on it', async () => {
    const { page } = e2e.browser
    const items = page.locator('.weakest-criteria li')
    expect(await items.count()).toBeGreaterThanOrEqual(3)
    // The picture shows the question with two attempts.
    await page.getByLabel('Question', { exact: true }).selectOption(PAYMENT)
    await page.locator('.score-chart canvas').first().waitFor()
    await saveScreenshotsAtBothWidths(page, 'history')
    const name = (await items.first().locator('strong').textContent())!
    await items
      .first()
      .getByRole('button', { name: /^Drill / })
      .click()
    await page.waitForURL(/\/session\/[^/]+$/)
    await waitForInterviewer(page, 1)
    expect(await page.locator('.eyebrow').textContent()).toBe(`Drill · ${name}`)
  })
})
