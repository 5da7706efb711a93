import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Grade } from '../../../server/grading/grade-schema.js'
import { repoRoot, setUpGrader } from './grading-support.js'

// A competency's description is a short question ("How do you inform clients (especially unknown
// ones)?"); its name says the rest ("Communication Strategy"). Quotes are ranked by name and
// description together, so each competency quotes a sentence about it rather than one that
// shares a word ("clients") with the question. Two of the strong transcripts of
// bench/transcripts-feedback/, whose sentences are labelled by competency (bench/feedback-labels.txt).
const grades = new Map<string, Grade>()

beforeAll(async () => {
  const { bank, grader } = await setUpGrader()
  for (const name of ['q04-strong', 'q14-lead-strong']) {
    const t = JSON.parse(
      readFileSync(join(repoRoot, 'bench/transcripts-feedback', `${name}.json`), 'utf8'),
    )
    grades.set(
      name,
      grader.grade(bank.get(t.questionId)!, { questionId: t.questionId, turns: t.turns }),
    )
  }
}, 120_000)

const quotesOf = (name: string, competency: string) =>
  grades
    .get(name)!
    .competencies.find((c) => c.name === competency)!
    .evidence.map((e) => e.quote)

describe('competency evidence', () => {
  it('quotes the reconciliation script for financial integrity first', () => {
    expect(quotesOf('q04-strong', 'Financial Integrity')[0]).toMatch(
      /^A nightly script compares our rows with Stripe's charges/,
    )
  })

  it('quotes how unknown clients are told for the communication strategy', () => {
    expect(quotesOf('q14-lead-strong', 'Communication Strategy')).toContainEqual(
      expect.stringMatching(/^For the unknown 70% we use response headers/),
    )
  })
})
