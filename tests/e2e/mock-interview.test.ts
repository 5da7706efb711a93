import { readFile } from 'node:fs/promises'
import { beforeAll, expect, it } from 'vitest'
import { findSeriousViolations, openBrowser, PHONE } from './support/browser.js'
import {
  endAndGrade,
  GOOD_ANSWERS,
  PAYMENT_QUESTION,
  sendAnswer,
  startFromQuestion,
  waitForInterviewer,
  XSS_ANSWER,
} from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'

describeInChromium('a full mock interview in Chromium', (e2e) => {
  let sessionId = ''
  const dialogs: string[] = []

  beforeAll(async () => {
    e2e.browser.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
  })

  it('starts from the question page and shows the opening, clock, budget and provider', async () => {
    const { page } = e2e.browser
    sessionId = await startFromQuestion(
      page,
      e2e.server.url,
      PAYMENT_QUESTION,
      async (p) => p.getByLabel('Follow-ups').fill('3'),
      'Start mock interview',
    )
    await page.getByText('Connected').waitFor()
    expect(await page.getByRole('timer').textContent()).toMatch(/^4[45]:\d\d$/)
    expect(await page.locator('.status-bar').textContent()).toContain('0 of 3')
    expect(await page.locator('.status-bar').textContent()).toContain('Offline engine (no LLM)')
  })

  it('keeps a draft across a reload', async () => {
    const { page } = e2e.browser
    await page.getByLabel(/Your answer/).fill('a draft I have not sent')
    await page.reload()
    await waitForInterviewer(page, 1)
    expect(await page.getByLabel(/Your answer/).inputValue()).toBe('a draft I have not sent')
  })

  it('answers with Ctrl+Enter and gets follow-ups; XSS payloads stay inert text', async () => {
    const { page } = e2e.browser
    // Layout shifts while the follow-ups stream in (Cumulative Layout Shift, as browsers score it).
    await page.evaluate(() => {
      const w = window as unknown as { __cls: number }
      w.__cls = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<
          PerformanceEntry & { value: number; hadRecentInput: boolean }
        >) {
          if (!entry.hadRecentInput) w.__cls += entry.value
        }
      }).observe({ type: 'layout-shift' })
    })
    await sendAnswer(page, GOOD_ANSWERS[0]!)
    await waitForInterviewer(page, 2)
    await sendAnswer(page, XSS_ANSWER)
    await waitForInterviewer(page, 3)
    const injected = await page.evaluate(() => ({
      flag: (window as { __xss?: number }).__xss ?? null,
      elements: document.querySelectorAll(
        'main script, main img, main svg, main iframe, main [onerror], main [onload]',
      ).length,
      jsLinks: [...document.querySelectorAll('main a')].filter((a) =>
        a.getAttribute('href')?.startsWith('javascript:'),
      ).length,
    }))
    expect(injected).toEqual({ flag: null, elements: 0, jsLinks: 0 })
    expect(dialogs).toEqual([])
    expect(await page.locator('.turn-candidate').last().textContent()).toContain(
      '<script>window.__xss = 1',
    )
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls)
    console.log(`layout shift while two follow-ups streamed: ${cls.toFixed(4)}`)
    expect(cls).toBeLessThan(0.1)
    expect(await findSeriousViolations(page)).toEqual([])
  })

  it('fits a 375 px screen', async () => {
    const { page } = e2e.browser
    await page.setViewportSize(PHONE)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('ends, grades and opens the review with scores, evidence and the model answer', async () => {
    const { page } = e2e.browser
    await sendAnswer(page, GOOD_ANSWERS[1]!)
    await endAndGrade(page)
    const overall = Number(await page.getByTestId('overall-score').textContent())
    expect(overall).toBeGreaterThan(0)
    expect(overall).toBeLessThanOrEqual(10)
    expect(await page.locator('.criterion .bar-fill').count()).toBeGreaterThan(0)
    expect(await page.getByRole('heading', { name: 'Model answer' }).count()).toBe(1)
    expect(await page.locator('.model-answer pre code').count()).toBeGreaterThan(0)
    // The review shows the same XSS answer as text too.
    expect(
      await page.evaluate(
        () => document.querySelectorAll('main script, main img, main svg').length,
      ),
    ).toBe(0)
    expect(dialogs).toEqual([])

    // Good answers are graded with evidence, so there is always a quote to jump to.
    const quote = page.locator('.quote-button').first()
    expect(await quote.count()).toBe(1)
    await quote.click()
    expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/MARK|LI/)
    expect(await findSeriousViolations(page)).toEqual([])
    // No picture: this review quotes the XSS answer; the README's come from review-showcase.
  })

  it('exports Markdown and JSON', async () => {
    const { page } = e2e.browser
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export Markdown' }).click(),
    ])
    const md = await readFile((await markdown.path())!, 'utf8')
    expect(md).toContain('The Payment Race Condition')
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export JSON' }).click(),
    ])
    const report = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
      session: { id: string }
      grade: unknown
    }
    expect(report.session.id).toBe(sessionId)
    expect(report.grade).not.toBeNull()
  })

  it('shares a read-only link that opens without the owner cookie', async () => {
    const { page } = e2e.browser
    await page.getByRole('button', { name: 'Create share link' }).click()
    const url = await page.getByLabel(/Share link/).inputValue()
    const other = await openBrowser()
    try {
      await other.page.goto(url)
      await other.page.getByText('Shared review (read-only)').waitFor()
      expect(await other.page.getByRole('button', { name: 'Retry from here' }).count()).toBe(0)
      expect(await other.page.getByRole('link', { name: 'Export JSON' }).count()).toBe(0)
      expect(await findSeriousViolations(other.page)).toEqual([])
    } finally {
      await other.close()
    }
  })

  it('lists the session in history with its score and a chart', async () => {
    const { page } = e2e.browser
    await page.getByRole('link', { name: 'History' }).click()
    await page.getByRole('heading', { name: 'History' }).waitFor()
    await page.locator('.session-table tbody tr').first().waitFor()
    expect(await page.locator('.session-table').textContent()).toContain(
      'The Payment Race Condition',
    )
    await page.locator('.score-chart canvas').first().waitFor()
    await page.getByText(/Weakest lately:/).waitFor()
    expect(await findSeriousViolations(page)).toEqual([])
  })

  it('retries from an interviewer turn, and the new review compares with the earlier attempt', async () => {
    const { page } = e2e.browser
    await page.goto(`${e2e.server.url}/session/${sessionId}/review`)
    await page.getByTestId('overall-score').waitFor()
    await page.getByRole('button', { name: 'Retry from here' }).nth(1).click()
    await page.waitForURL(
      (url) => /\/session\/[^/]+$/.test(url.pathname) && !url.pathname.includes(sessionId),
    )
    await waitForInterviewer(page, 2)
    await sendAnswer(page, GOOD_ANSWERS[2]!)
    await endAndGrade(page)
    await page
      .getByText(/against the earlier attempt/)
      .first()
      .waitFor()
    expect(await findSeriousViolations(page)).toEqual([])
  })

  it('shows both attempts in history, the retry marked', async () => {
    const { page } = e2e.browser
    await page.getByRole('link', { name: 'History' }).click()
    await page.locator('.session-table tbody tr').nth(1).waitFor()
    expect(await page.locator('.session-table tbody tr').first().textContent()).toContain('(retry)')
    await page.locator('.score-chart canvas').first().waitFor()
    expect(await findSeriousViolations(page)).toEqual([])
  })

  it('"Drill my weakest" starts a drill on the weakest competency', async () => {
    const { page } = e2e.browser
    const weakest = (await page.getByTestId('weakest').textContent())!.match(
      /Weakest lately: (.+) \(/,
    )![1]!
    await page.getByRole('button', { name: 'Drill my weakest' }).click()
    await page.waitForURL(/\/session\/[^/]+$/)
    await waitForInterviewer(page, 1)
    expect(await page.locator('.eyebrow').textContent()).toBe(`Drill · ${weakest}`)
  })
})
