import type { Page } from 'playwright-core'

/** The interviewer has finished speaking: a complete interviewer turn exists and none streams. */
export async function waitForInterviewer(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.turn-interviewer:not(.streaming)').length >= n &&
      document.querySelectorAll('.turn-interviewer.streaming').length === 0,
    count,
    { timeout: 30_000 },
  )
}

/** Types an answer and sends it with Ctrl+Enter, then waits for the server's echo. */
export async function sendAnswer(page: Page, text: string): Promise<void> {
  const box = page.getByLabel(/Your answer/)
  await box.fill(text)
  await box.press('Control+Enter')
  await page.waitForFunction(
    () => document.querySelectorAll('.turn-pending').length === 0,
    undefined,
    {
      timeout: 30_000,
    },
  )
}

/** The question most tests interview on. */
export const PAYMENT_QUESTION = 'the-payment-race-condition'

/** Starts a session from a question page and waits for the opening question; returns its id. */
export async function startFromQuestion(
  page: Page,
  baseUrl: string,
  questionId: string,
  setup: (page: Page) => Promise<void>,
  startLabel: string,
): Promise<string> {
  await page.goto(`${baseUrl}/q/${questionId}`)
  await page.getByRole('heading', { name: 'Scenario' }).waitFor()
  await setup(page)
  await page.getByRole('button', { name: startLabel }).click()
  await page.waitForURL(/\/session\/[^/]+$/)
  await waitForInterviewer(page, 1)
  return new URL(page.url()).pathname.split('/')[2]!
}

/** A mock interview with the question page's defaults; returns the session id. */
export function startMockInterview(
  page: Page,
  baseUrl: string,
  questionId = PAYMENT_QUESTION,
): Promise<string> {
  return startFromQuestion(page, baseUrl, questionId, async () => {}, 'Start mock interview')
}

/** A drill on the first area the question page offers; returns the session id. */
export function startDrill(
  page: Page,
  baseUrl: string,
  questionId = PAYMENT_QUESTION,
): Promise<string> {
  const pickFirstArea = async (p: Page) => {
    await p.getByLabel('Drill one area').check()
    await p.getByLabel('Drill on', { exact: true }).selectOption({ index: 1 })
  }
  return startFromQuestion(page, baseUrl, questionId, pickFirstArea, 'Start drill')
}

/** Skips the current question and waits for the next, the interviewer's turn number `count`. */
export async function skipQuestion(page: Page, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Skip' }).click()
  await waitForInterviewer(page, count)
}

/** Ends the interview through its confirmation and waits for the ended panel. */
export async function endInterview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End interview' }).click()
  await page.getByRole('button', { name: 'End now' }).click()
  await page.getByRole('heading', { name: 'Interview over' }).waitFor()
}

/** Ends the interview, asks for the grade and waits until the review shows the score. */
export async function endAndGrade(page: Page): Promise<void> {
  await endInterview(page)
  await page.getByRole('button', { name: 'Grade and review' }).click()
  await page.waitForURL(/\/review$/)
  await page.getByTestId('overall-score').waitFor({ timeout: 60_000 })
}

/** A mock interview of one answer, ended and graded: waits until the review shows the score. */
export async function gradeOneAnswer(
  page: Page,
  baseUrl: string,
  questionId: string,
  answer: string,
): Promise<void> {
  await startMockInterview(page, baseUrl, questionId)
  await sendAnswer(page, answer)
  await endAndGrade(page)
}

/** Text answers that cover real ground, so the offline engine has something to grade. */
export const GOOD_ANSWERS = [
  'First I would reproduce the double charge with two concurrent requests against a staging copy, ' +
    'then read the payment code path for the check-then-act race between reading the order status and writing the charge.',
  'The fix is an idempotency key per payment attempt stored with a unique constraint, plus a row lock ' +
    '(SELECT ... FOR UPDATE) on the order while the charge is created, so a retry returns the first result instead of charging again.',
  'I would measure it with a metric for duplicate charges per hour and an alert, reconcile against the ' +
    'payment provider daily, and roll the fix out behind a feature flag while refunding the affected customers.',
]

/**
 * An answer in Markdown: a list, highlighted code, a mermaid diagram (which loads mermaid's code)
 * and HTML that must show as text.
 */
export const MARKDOWN_ANSWER = [
  'Two fixes, in order:',
  '',
  '- an **idempotency key** per payment attempt',
  '- a row lock while the charge is created',
  '',
  '```ts',
  'const key = `order-${orderId}-${attempt}`',
  'await stripe.charges.create({ amount }, { idempotencyKey: key })',
  '```',
  '',
  '```mermaid',
  'sequenceDiagram',
  '  Client->>API: pay(order)',
  '  API->>Stripe: charge (idempotency key)',
  '  Stripe-->>API: charged once',
  '```',
  '',
  '<img src=x onerror="window.__xss = 1"> <script>window.__xss = 1</script>',
].join('\n')

/** Markup an attacker might type; it must show as text and never run. */
export const XSS_ANSWER =
  '<script>window.__xss = 1; alert(1)</script> <img src=x onerror="window.__xss = 1; alert(1)"> ' +
  '[link](javascript:alert(1)) <svg onload="alert(1)"></svg> and an idempotency key.'
