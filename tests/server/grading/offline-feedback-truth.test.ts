import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Grade } from '../../../server/grading/grade-schema.js'
import { repoRoot, setUpGrader } from './grading-support.js'

// A strong interview on question 14, in the candidate's own words (written by the lead): what the
// offline grade tells the candidate must be true of it. Each statement below was false before
// (issue 8, item 4): it asked them to add fields they had added, to keep principles they kept,
// and listed as covered points they never made.
let grade: Grade

beforeAll(async () => {
  const { bank, grader } = await setUpGrader()
  const transcript = JSON.parse(
    readFileSync(
      join(repoRoot, 'tests/server/grading/fixtures/feedback/api-versioning-strong.json'),
      'utf8',
    ),
  )
  grade = grader.grade(bank.get(transcript.questionId)!, transcript)
}, 120_000)

describe('offline feedback on a strong API-versioning interview', () => {
  it('reads every framework step as covered in full, since the answer walks each phase', () => {
    expect(grade.framework.map((f) => f.coverage)).toEqual(['full', 'full', 'full', 'full'])
  })

  it('asks for nothing the candidate did: no step to finish, no principle they kept', () => {
    const advice = grade.nextSteps.join('\n')
    expect(advice).not.toMatch(/Add new fields alongside old/)
    expect(advice).not.toMatch(/Never remove fields before adding replacements/)
    expect(advice).not.toMatch(/Accept-Version/)
  })

  it('lists as covered no point the candidate never made', () => {
    const said = [...grade.strengths, ...grade.criteria.map((c) => c.rationale)].join('\n')
    expect(said).not.toMatch(/support tickets related to migration/)
    expect(said).not.toMatch(/90% of known partners/)
    expect(said).not.toMatch(/managing customer relationships/)
  })
})

describe('covered points on the same interview', () => {
  // "New Format Default" next to "New format becomes default" says one thing twice.
  it('names no point twice in other words', () => {
    for (const s of grade.strengths) {
      const m = /you covered (.*)\.$/.exec(s)
      if (!m) continue
      const words = m[1]!.split('; ').map((p) => new Set(p.toLowerCase().match(/[a-z]+/g) ?? []))
      for (const [i, a] of words.entries())
        for (const b of words.slice(i + 1))
          expect([...a].every((w) => b.has(w)) || [...b].every((w) => a.has(w))).toBe(false)
    }
  })
})
