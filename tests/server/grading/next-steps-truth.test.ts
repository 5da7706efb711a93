import { beforeAll, describe, expect, it } from 'vitest'
import type { Grade } from '../../../server/grading/grade-schema.js'
import { readDevSet } from './claims-corpus.js'
import { setUpGrader } from './grading-support.js'

// The general next steps are given only where the answer does not already do them: these
// excellent answers (bench/transcripts) weigh their options throughout, or open with a suspected
// cause or the first thing to find out, and were told to "close with trade-offs" or "lead with
// the conclusion" (labelled false in bench/feedback-labels.txt).
const grades = new Map<string, Grade>()
const CASES = [
  'the-architectural-time-bomb',
  'the-monolith-technical-debt-dilemma',
  'the-production-performance-mystery',
  'the-cache-invalidation-crisis',
]

beforeAll(async () => {
  const { bank, grader } = await setUpGrader()
  for (const c of readDevSet())
    if (c.level === 'excellent-own-words' && CASES.includes(c.questionId))
      grades.set(c.questionId, grader.grade(bank.get(c.questionId)!, c))
}, 300_000)

describe('general next steps', () => {
  it('do not tell answers that weigh every option to close with trade-offs', () => {
    for (const id of ['the-architectural-time-bomb', 'the-monolith-technical-debt-dilemma'])
      expect(grades.get(id)!.nextSteps.join('\n'), id).not.toMatch(/Close with trade-offs/)
  })

  it('do not tell answers that open with a position to lead with the conclusion', () => {
    for (const id of ['the-production-performance-mystery', 'the-cache-invalidation-crisis'])
      expect(grades.get(id)!.nextSteps.join('\n'), id).not.toMatch(/Lead with the conclusion/)
  })
})
