import { expect, it } from 'vitest'
import { describeInChromium } from './support/describe-in-chromium.js'

describeInChromium('library search and filters in Chromium', (e2e) => {
  const cardTitles = () => e2e.browser.page.locator('.question-card .card-title').allTextContents()

  it('finds questions by topic: idempotency, saga, outbox', async () => {
    const { page } = e2e.browser
    await page.goto(`${e2e.server.url}/`)
    await page.locator('.question-card').first().waitFor()
    const search = page.getByLabel('Search')
    await search.fill('idempotency')
    expect((await cardTitles()).join('\n')).toContain('The Payment Race Condition')
    await search.fill('saga')
    const sagas = (await cardTitles()).join('\n')
    expect(sagas).toContain('The Monolith Technical Debt Dilemma')
    expect(sagas).toContain('The Microservices Coordination Nightmare')
    await search.fill('outbox')
    expect((await cardTitles()).join('\n')).toContain('The Payment Race Condition')
    expect(await page.getByRole('status').textContent()).not.toMatch(/^0 of/)
  })

  it('keeps the search and filters in the URL across a question, back and a reload', async () => {
    const { page } = e2e.browser
    await page.goto(`${e2e.server.url}/`)
    await page.locator('.question-card').first().waitFor()
    await page.getByLabel('Search').fill('consistency')
    await page.getByLabel('Difficulty').selectOption('Very High')
    const chosen = await cardTitles()
    expect(chosen.length).toBeGreaterThan(0)
    expect(new URL(page.url()).searchParams.get('q')).toBe('consistency')

    await page.locator('.question-card a').first().click()
    await page.getByRole('heading', { name: 'Scenario' }).waitFor()
    await page.goBack()
    await page.locator('.question-card').first().waitFor()
    expect(await page.getByLabel('Search').inputValue()).toBe('consistency')
    expect(await page.getByLabel('Difficulty').inputValue()).toBe('Very High')
    expect(await cardTitles()).toEqual(chosen)

    await page.reload()
    await page.locator('.question-card').first().waitFor()
    expect(await page.getByLabel('Search').inputValue()).toBe('consistency')
    expect(await page.getByLabel('Difficulty').inputValue()).toBe('Very High')
    expect(await cardTitles()).toEqual(chosen)

    await page.getByLabel('Difficulty').selectOption('')
    await page.getByLabel('Search').fill('')
    expect(new URL(page.url()).search).toBe('')
  })
})
