import { expect, it } from 'vitest'
import { findSeriousViolations } from './support/browser.js'
import { gradeOneAnswer } from './support/interview-steps.js'
import { describeInChromium } from './support/describe-in-chromium.js'

// Its rubric has a criterion named like one of its competencies: "GraphQL Expertise".
const QUESTION = 'the-graphql-n-1-mystery'

describeInChromium('the review layout in Chromium', (e2e) => {
  it('lists a criterion and a competency of one name once, prints the overall once, and keeps the overall card to its content', async () => {
    const { page } = e2e.browser
    await gradeOneAnswer(
      page,
      e2e.server.url,
      QUESTION,
      'I would turn on query logging to count the SQL per GraphQL request, confirm the N+1 in the ' +
        'resolvers for the nested posts, and batch them with DataLoader per request so each level is ' +
        'one query; then add a query cost limit and a test that asserts the query count.',
    )

    const names = (await page.locator('.criterion-name').allTextContents()).map((n) =>
      n.trim().toLowerCase(),
    )
    expect(names.filter((n) => n === 'graphql expertise')).toHaveLength(1)
    expect(new Set(names).size).toBe(names.length)

    const overall = page.locator('section.overall')
    const printed = (await overall.textContent())!.match(/\d+\.\d\s*\/\s*10/g) ?? []
    expect(printed).toHaveLength(1)

    const slack = await overall.evaluate((section) => {
      const last = section.lastElementChild!.getBoundingClientRect().bottom
      return section.getBoundingClientRect().bottom - last
    })
    expect(slack).toBeLessThan(32)
    expect(await findSeriousViolations(page)).toEqual([])
  })
})
