import { expect, it } from 'vitest'
import {
  findSeriousViolations,
  saveScreenshot,
  saveScreenshotsAtBothWidths,
} from './support/browser.js'
import {
  endAndGrade,
  PAYMENT_QUESTION,
  sendAnswer,
  startFromQuestion,
  waitForInterviewer,
} from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'
import { candidateAnswers } from './support/transcript-answers.js'
import type { Page } from 'playwright-core'

// The README's interview and review pictures (interview, review, their 375 px versions, and
// review-retry) come from here: interviews a real candidate could give, answered in their own
// words from the hand-graded dev set, so the showcase quotes real evidence. XSS and other hostile input are tested in mock-interview.
const STRONG = candidateAnswers(PAYMENT_QUESTION, 'excellent-own-words')
// A decent first attempt that only gestures at fixing the broken transactions (graded 7 by hand).
const DECENT = candidateAnswers(PAYMENT_QUESTION, 'good')

/**
 * What each strong answer after the first is about, in the words an interviewer's question on it
 * would use (the question's framework steps and rubric criteria, and the offline follow-up
 * templates, server/interview/follow-up-templates.ts), so the candidate answers the question
 * asked instead of reciting the transcript in its own order. A question none names (a wrap-up)
 * gets the next answer in order.
 */
const STRONG_TOPICS = [
  /idempoten|retr(y|ies)|twice|double|concurrent|same time|one request/i,
  /deploy|roll ?out|production|downtime|ship|widen|stage/i,
  /reconcil|broken|existing|backfill|already|evidence|fix worked|really fixed/i,
  /atomic|long.term|architecture|outbox|halfway/i,
]

/**
 * The answer to give next: the first left whose topic the question names, else the first left.
 * A quote of the candidate's own words ('You said "..."') is not the question's topic.
 */
function answerFor(question: string, left: number[]): number {
  const asked = question.replace(/"[^"]*"/g, '')
  return left.find((i) => i > 0 && STRONG_TOPICS[i - 1]!.test(asked)) ?? left[0]!
}

/**
 * Starts a mock interview with `followUps` follow-ups and answers each interviewer turn: with
 * `answers` in order, or, when `pick` is given, with the answer it picks for the question.
 * `midway`, when given, runs once half the answers are in (the README's live-interview pictures).
 */
async function interview(
  page: Page,
  baseUrl: string,
  answers: string[],
  followUps: number,
  pick?: (question: string, left: number[]) => number,
  midway?: () => Promise<void>,
) {
  await startFromQuestion(
    page,
    baseUrl,
    PAYMENT_QUESTION,
    async (p) => p.getByLabel('Follow-ups').fill(String(followUps)),
    'Start mock interview',
  )
  const left = answers.map((_, i) => i)
  for (let turn = 2; left.length > 0; turn++) {
    const question = (await page.locator('.turn-interviewer').last().textContent()) ?? ''
    const next = turn === 2 || !pick ? left[0]! : pick(question, left)
    left.splice(left.indexOf(next), 1)
    await sendAnswer(page, answers[next]!)
    await waitForInterviewer(page, turn)
    if (left.length === Math.floor(answers.length / 2)) await midway?.()
  }
}

/** What the review says: its overall score and the text of its rubric criteria. */
async function readReview(page: Page) {
  return {
    overall: Number(await page.getByTestId('overall-score').textContent()),
    criteria: (await page.locator('.criterion').allTextContents()).join('\n'),
  }
}

describeInChromium('the review of interviews in the candidate’s own words, in Chromium', (e2e) => {
  it('grades a strong interview high, with rationales that name the model answer’s points it covered', async () => {
    const { page } = e2e.browser
    // One follow-up fewer than answers: the last answer is followed by the interviewer's closing.
    await interview(page, e2e.server.url, STRONG, STRONG.length - 1, answerFor, async () => {
      // The turn-end frame can come before the composer is enabled again: wait for it.
      await page.getByLabel(/Your answer/).waitFor()
      await saveScreenshotsAtBothWidths(page, 'interview')
    })
    await page.getByRole('heading', { name: 'Interview over' }).waitFor()
    await page.getByRole('button', { name: 'Grade and review' }).click()
    await page.waitForURL(/\/review$/)
    await page.getByTestId('overall-score').waitFor({ timeout: 60_000 })

    const review = await readReview(page)
    expect(review.overall).toBeGreaterThanOrEqual(7)
    expect(review.criteria).toContain('Covered:')
    expect(review.criteria).not.toContain('Matched:')
    // The evidence quotes the candidate's answers, word for word.
    const quotes = await page.locator('.quote-button').allTextContents()
    expect(quotes.length).toBeGreaterThan(0)
    const said = STRONG.join(' ')
    for (const quote of quotes) expect(said).toContain(quote.replace(/^[“"]|[”"]$/g, ''))
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshotsAtBothWidths(page, 'review')
  })

  it('retries a decent attempt from its last question, and the retry’s review shows what improved', async () => {
    const { page } = e2e.browser
    // The decent attempt: four answers, then a fourth follow-up left unanswered.
    await interview(page, e2e.server.url, DECENT, 4)
    await endAndGrade(page)
    const first = await readReview(page)

    // Retry from the interviewer turn before the last answer, and answer it (the broken
    // transactions) and the follow-up after it (the long term) as the strong candidate does.
    await page.getByRole('button', { name: 'Retry from here' }).nth(3).click()
    await page.waitForURL((url) => /\/session\/[^/]+$/.test(url.pathname))
    await waitForInterviewer(page, 4)
    await sendAnswer(page, STRONG[3]!)
    await waitForInterviewer(page, 5)
    await sendAnswer(page, STRONG[4]!)
    await page.getByRole('heading', { name: 'Interview over' }).waitFor()
    await page.getByRole('button', { name: 'Grade and review' }).click()
    await page.waitForURL(/\/review$/)
    await page.getByTestId('overall-score').waitFor({ timeout: 60_000 })
    await page
      .getByText(/against the earlier attempt/)
      .first()
      .waitFor()

    const retry = await readReview(page)
    expect(retry.overall).toBeGreaterThan(first.overall)
    expect(retry.criteria).toContain('Covered:')
    expect(retry.criteria).not.toContain('Matched:')
    expect(await findSeriousViolations(page)).toEqual([])
    await saveScreenshot(page, 'review-retry')
  })
})
