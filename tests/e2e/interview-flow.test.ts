import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { PHONE } from './support/browser.js'
import {
  GOOD_ANSWERS,
  sendAnswer,
  skipQuestion,
  startMockInterview,
  waitForInterviewer,
} from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'

/** Where the newest interviewer turn sits against the sticky status bar and answer box. */
async function newestQuestionBox(page: Page) {
  return page.evaluate(() => {
    const turns = document.querySelectorAll('.turn-interviewer')
    const newest = turns[turns.length - 1]!.getBoundingClientRect()
    return {
      top: newest.top,
      bottom: newest.bottom,
      statusBottom: document.querySelector('.status-bar')!.getBoundingClientRect().bottom,
      answerTop: document.querySelector('.answer-box')!.getBoundingClientRect().top,
    }
  })
}

describeInChromium('the interview screen in Chromium', (e2e) => {
  it('logs a skipped opening question as such', async () => {
    const { page } = e2e.browser
    await startMockInterview(page, e2e.server.url)
    await skipQuestion(page, 2)
    expect(await page.locator('.turn-kind-skip .turn-text').textContent()).toBe(
      'Skipped the opening question.',
    )
  })

  it('keeps the status bar to one compact line at 375 px', async () => {
    const { page } = e2e.browser
    await page.setViewportSize(PHONE)
    try {
      const bar = await page.locator('.status-bar').boundingBox()
      expect(bar!.height).toBeLessThanOrEqual(56)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      )
      // The labels are still there for screen readers.
      expect(await page.getByText('Connection', { exact: true }).count()).toBe(1)
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 })
    }
  })

  it('scrolls each new follow-up into view above the answer box, after Send and after Skip', async () => {
    const { page } = e2e.browser
    for (const [i, answer] of GOOD_ANSWERS.slice(0, 2).entries()) {
      await sendAnswer(page, answer)
      await waitForInterviewer(page, 3 + i)
      const box = await newestQuestionBox(page)
      expect(box.top).toBeGreaterThanOrEqual(box.statusBottom)
      expect(box.top).toBeLessThan(box.answerTop - 40)
    }
    await skipQuestion(page, 5)
    const box = await newestQuestionBox(page)
    expect(box.top).toBeGreaterThanOrEqual(box.statusBottom)
    expect(box.top).toBeLessThan(box.answerTop - 40)
    expect(await page.locator('.turn-kind-skip .turn-text').last().textContent()).toBe(
      'Skipped this follow-up.',
    )
  })

  it('asks before ending the interview; "Keep going" and Escape keep it open', async () => {
    const { page } = e2e.browser
    const end = page.getByRole('button', { name: 'End interview' })
    await end.click()
    await page.getByRole('alertdialog').waitFor()
    await page.getByRole('button', { name: 'Keep going' }).click()
    expect(await page.getByRole('alertdialog').count()).toBe(0)
    expect(await page.getByRole('heading', { name: 'Interview over' }).count()).toBe(0)

    await end.click()
    await page.keyboard.press('Escape')
    expect(await page.getByRole('alertdialog').count()).toBe(0)
    await page.reload()
    await waitForInterviewer(page, 1)
    expect(await page.getByRole('heading', { name: 'Interview over' }).count()).toBe(0)

    await end.click()
    await page.getByRole('button', { name: 'End now' }).click()
    await page.getByRole('heading', { name: 'Interview over' }).waitFor()
  })
})
