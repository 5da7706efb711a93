import { beforeAll, describe, expect, it } from 'vitest'
import type { StepCoverage } from '../../../server/grading/grade-schema.js'
import { readDevSet } from './claims-corpus.js'
import { setUpGrader } from './grading-support.js'

// A framework step reads `full` when the answer does what the step describes (issue 8, item 4):
// the dev set's excellent answers walk every step; a keyword list names steps without doing them,
// and an answer about another problem reaches a step's words only through near words.
const steps = new Map<string, StepCoverage[][]>()

beforeAll(async () => {
  const { bank, grader } = await setUpGrader()
  for (const c of readDevSet()) {
    if (!['excellent-own-words', 'keyword-list', 'off-topic'].includes(c.level)) continue
    const grade = grader.grade(bank.get(c.questionId)!, c)
    steps.set(c.level, [...(steps.get(c.level) ?? []), grade.framework])
  }
}, 300_000)

const count = (level: string, coverage: StepCoverage['coverage']) =>
  steps
    .get(level)!
    .flat()
    .filter((f) => f.coverage === coverage).length

describe('framework step coverage', () => {
  it('reads every step of the excellent answers full', () => {
    expect(steps.get('excellent-own-words')).toHaveLength(15)
    expect(count('excellent-own-words', 'partial') + count('excellent-own-words', 'none')).toBe(0)
  })

  // 13 of the keyword lists' 71 steps read full when a list reaching a step's words was enough.
  it('reads no step of a keyword list full: it is begun at most', () => {
    expect(steps.get('keyword-list')).toHaveLength(15)
    expect(count('keyword-list', 'full')).toBe(0)
  })

  // An answer about tuning a Postgres query reached 0.38 of "Confirm and correlate" by near words
  // ("latency", "queries"); 6 of the off-topic answers' 71 steps read full so, 3 now.
  it('reads a step full only when the answer names part of it in its own words', () => {
    expect(steps.get('off-topic')).toHaveLength(15)
    expect(count('off-topic', 'full')).toBeLessThanOrEqual(3)
  })
})
