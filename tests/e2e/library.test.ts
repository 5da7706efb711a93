import { expect, it } from 'vitest'
import {
  findSeriousViolations,
  PHONE,
  saveScreenshot,
  saveScreenshotsAtBothWidths,
} from './support/browser.js'
import { describeInChromium } from './support/describe-in-chromium.js'

describeInChromium('library and question page in Chromium', (e2e) => {
  it('lists the bank, filters it, and passes axe', async () => {
    const { page } = e2e.browser
    await page.goto(`${e2e.server.url}/`)
    await page.getByRole('heading', { name: 'Question library' }).waitFor()
    const cards = page.locator('.question-card')
    await cards.first().waitFor()
    const total = await cards.count()
    expect(total).toBeGreaterThanOrEqual(10)
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshot(page, 'library')

    await page.getByLabel('Difficulty').selectOption('Very High')
    const filtered = await cards.count()
    expect(filtered).toBeGreaterThan(0)
    expect(filtered).toBeLessThan(total)
    for (const tag of await page.locator('.question-card .difficulty').allTextContents())
      expect(tag).toBe('Very High')
    await page.getByLabel('Difficulty').selectOption('')
    await page.getByLabel('Search').fill('zzzz-no-such-question')
    await page.getByText('No question matches.').waitFor()
    await page.getByRole('button', { name: 'Clear the filters' }).click()
    expect(await cards.count()).toBe(total)
  })

  it('opens a question by keyboard alone, with the scenario and start options', async () => {
    // A fresh tab, so keyboard focus starts at the top of the document.
    const page = await e2e.browser.context.newPage()
    await page.goto(`${e2e.server.url}/`)
    await page.locator('.question-card').first().waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    // Tab through to the first card's link and open it.
    let guard = 0
    while (
      !(await page.evaluate(() => document.activeElement?.closest('.question-card') !== null)) &&
      guard++ < 30
    ) {
      await page.keyboard.press('Tab')
    }
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Scenario' }).waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/q\//)
    await page.getByRole('button', { name: 'Start mock interview' }).waitFor()
    await page.getByLabel('Drill one area').check()
    expect(
      await page.getByLabel('Drill on', { exact: true }).locator('option').count(),
    ).toBeGreaterThan(1)
    await page.getByLabel('Mock interview').check()
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshotsAtBothWidths(page, 'question')
    await page.close()
  })

  it('"Surprise me" opens a question page', async () => {
    const { page } = e2e.browser
    await page.goto(`${e2e.server.url}/`)
    await page.locator('.question-card').first().waitFor()
    await page.getByRole('button', { name: 'Surprise me' }).click()
    await page.getByRole('heading', { name: 'Scenario' }).waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/q\//)
  })

  it('fits a 375 px screen and has a dark theme', async () => {
    const { page } = e2e.browser
    await page.setViewportSize(PHONE)
    await page.goto(`${e2e.server.url}/`)
    await page.locator('.question-card').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshot(page, 'library-375')

    await page.getByLabel('Theme').selectOption('dark')
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshot(page, 'library-375-dark')
    await page.reload()
    await page.locator('.question-card').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await page.getByLabel('Theme').selectOption('system')
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})
