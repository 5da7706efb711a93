import { expect, it } from 'vitest'
import { findSeriousViolations, saveScreenshotsAtBothWidths } from './support/browser.js'
import {
  endAndGrade,
  MARKDOWN_ANSWER as ANSWER,
  sendAnswer,
  startMockInterview,
  waitForInterviewer,
} from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'

/** Script and style files the page has fetched whose name mentions mermaid. */
const mermaidRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /mermaid/i.test(name))

describeInChromium('answers in Markdown, in Chromium', (e2e) => {
  it('loads no mermaid code until an answer has a diagram', async () => {
    const { page } = e2e.browser
    await startMockInterview(page, e2e.server.url)
    expect(await page.evaluate(mermaidRequests)).toEqual([])
  })

  it('previews the draft as Markdown, diagram included', async () => {
    const { page } = e2e.browser
    await page.getByLabel(/Your answer/).fill(ANSWER)
    await page.getByRole('button', { name: 'Preview' }).click()
    const preview = page.getByRole('region', { name: 'Preview of your answer' })
    await preview.locator('.mermaid-diagram svg').waitFor({ timeout: 30_000 })
    expect(await preview.locator('li').count()).toBe(2)
    expect(await preview.locator('pre code .hljs-keyword').count()).toBeGreaterThan(0)
    expect((await page.evaluate(mermaidRequests)).length).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Preview' }).click()
    expect(await page.getByLabel(/Your answer/).inputValue()).toBe(ANSWER)
  })

  it('shows the sent answer as Markdown: lists, highlighted code, the diagram, HTML as text', async () => {
    const { page } = e2e.browser
    await sendAnswer(page, ANSWER)
    await waitForInterviewer(page, 2)
    const answer = page.locator('.turn-candidate').last()
    await answer.locator('.mermaid-diagram svg').waitFor({ timeout: 30_000 })
    expect(await answer.locator('.markdown li').count()).toBe(2)
    expect(await answer.locator('li strong').textContent()).toBe('idempotency key')
    expect(await answer.locator('pre code .hljs-keyword').count()).toBeGreaterThan(0)
    expect(await answer.textContent()).toContain('<script>window.__xss = 1</script>')
    const injected = await page.evaluate(() => ({
      flag: (window as { __xss?: number }).__xss ?? null,
      elements: document.querySelectorAll('main script, main img, main [onerror]').length,
    }))
    expect(injected).toEqual({ flag: null, elements: 0 })
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshotsAtBothWidths(page, 'interview-markdown')
  })

  it('shows it the same way in the review', async () => {
    const { page } = e2e.browser
    await endAndGrade(page)
    const answer = page.locator('.review-transcript .turn-candidate').first()
    await answer.locator('.mermaid-diagram svg').waitFor({ timeout: 30_000 })
    expect(await answer.locator('.markdown li').count()).toBe(2)
    expect(await answer.locator('pre code .hljs-keyword').count()).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss ?? null)).toBeNull()
    expect(await findSeriousViolations(page)).toEqual([])
  })
})
