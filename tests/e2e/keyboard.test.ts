import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { findSeriousViolations } from './support/browser.js'
import { GOOD_ANSWERS, startMockInterview, waitForInterviewer } from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'

/** The focused element, described: its turn id when it is a chat turn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      tag: el?.tagName ?? null,
      turnId: el?.dataset.turnId ?? null,
      text: el?.textContent?.slice(0, 40) ?? '',
    }
  })

const newestInterviewerId = (page: Page) =>
  page.evaluate(() => {
    const turns = document.querySelectorAll<HTMLElement>('.turn-interviewer')
    return turns[turns.length - 1]!.dataset.turnId!
  })

describeInChromium('the interview by keyboard, in Chromium', (e2e) => {
  it('focuses the opening question, and "?" lists the shortcuts', async () => {
    const { page } = e2e.browser
    await startMockInterview(page, e2e.server.url)
    await page.waitForFunction(() => document.activeElement?.classList.contains('turn-interviewer'))
    expect((await focused(page)).turnId).toBe(await newestInterviewerId(page))

    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await dialog.waitFor()
    const keys = await dialog.locator('kbd').allTextContents()
    for (const key of ['a', 'q', 'p', 's', 'e', '?', 'Escape']) expect(keys).toContain(key)
    expect(keys.some((k) => k.startsWith('Ctrl+Enter'))).toBe(true)
    expect(await findSeriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('answers by keyboard and moves focus to the new follow-up, which is also announced', async () => {
    const { page } = e2e.browser
    await page.keyboard.press('a')
    expect((await focused(page)).tag).toBe('TEXTAREA')
    await page.keyboard.insertText(GOOD_ANSWERS[0]!)
    await page.keyboard.press('Control+Enter')
    await waitForInterviewer(page, 2)
    const followUp = await newestInterviewerId(page)
    await page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-turn-id') === id,
      followUp,
    )
    const announced = await page.locator('.chat [aria-live="polite"]').textContent()
    expect(announced?.length).toBeGreaterThan(10)
    expect(await page.locator(`[data-turn-id="${followUp}"]`).textContent()).toContain(
      announced!.slice(0, 30),
    )
  })

  it('previews with "p", leaves the box with Escape, skips with "s"', async () => {
    const { page } = e2e.browser
    await page.keyboard.press('a')
    await page.keyboard.insertText('- first\n- second')
    await page.keyboard.press('Escape')
    expect((await focused(page)).turnId).toBe(await newestInterviewerId(page))
    await page.keyboard.press('p')
    const preview = page.getByRole('region', { name: 'Preview of your answer' })
    await preview.waitFor()
    expect(await preview.locator('li').count()).toBe(2)
    await page.keyboard.press('p')
    await preview.waitFor({ state: 'detached' })
    await page.keyboard.press('a')
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await page.keyboard.press('Escape')

    await page.keyboard.press('s')
    await waitForInterviewer(page, 3)
    expect(await page.locator('.turn-kind-skip').count()).toBe(1)
    const next = await newestInterviewerId(page)
    await page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-turn-id') === id,
      next,
    )
  })

  it('"e" asks before ending, with focus on "Keep going"; every button is reachable by Tab', async () => {
    const { page } = e2e.browser
    await page.keyboard.press('e')
    await page.getByRole('alertdialog').waitFor()
    expect((await focused(page)).text).toBe('Keep going')
    await page.keyboard.press('Escape')
    await page.getByRole('alertdialog').waitFor({ state: 'detached' })
    expect(await page.getByRole('heading', { name: 'Interview over' }).count()).toBe(0)

    // Tab from the newest question reaches every enabled control of the answer box.
    await page.keyboard.press('q')
    const reached = new Set<string>()
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      reached.add((await focused(page)).text.trim())
    }
    for (const label of ['Preview', 'Skip', 'End interview']) expect(reached).toContain(label)
  })
})
