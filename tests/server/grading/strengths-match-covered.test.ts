import { beforeAll, describe, expect, it } from 'vitest'
import type { Grade } from '../../../server/grading/grade-schema.js'
import { pointWording, questionPoints } from '../../../server/grading/missing-points.js'
import { readDevSet } from './claims-corpus.js'
import { setUpGrader } from './grading-support.js'

// A strength names the points the review's own "Covered:" line gives for that criterion: a
// competency named like a criterion shares its grade, and its strength once named the
// competency's points instead ("GraphQL Expertise: you covered ...; JSON parsing takes 1-2
// seconds" under a criterion whose Covered line said "Use DataLoader for batching").
const graded: Array<{ id: string; grade: Grade; shown: Set<string> }> = []

beforeAll(async () => {
  const { bank, grader } = await setUpGrader()
  for (const c of readDevSet().filter((d) => ['excellent-own-words', 'good'].includes(d.level))) {
    const q = bank.get(c.questionId)!
    graded.push({
      id: `${c.questionId}/${c.level}`,
      grade: grader.grade(q, c),
      shown: new Set(questionPoints(q).map(pointWording(q))),
    })
  }
}, 300_000)

describe('strengths', () => {
  it("list exactly the points of the criterion's Covered line", () => {
    let checked = 0
    for (const { id, grade } of graded) {
      const rationales = new Map(
        [...grade.competencies, ...grade.criteria].map((c) => [c.name, c.rationale]),
      )
      for (const s of grade.strengths) {
        const m = /^(.*?): you covered (.*)$/.exec(s)
        if (!m) continue
        const covered = /Covered: (.*?\.)(?: [A-Z0-9]|$)/.exec(rationales.get(m[1]!) ?? '')
        expect(covered?.[1], `${id}: ${s}`).toBe(m[2])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
  })

  // "you covered Identify JavaScript parse/compile time" read oddly; points are shown worded
  // for the sentence they stand in (point-phrase.ts), in strengths as in Covered and Not reached.
  it('name points as worded for a candidate, not as the question writes them', () => {
    let reworded = 0
    for (const { id, grade, shown } of graded) {
      const lines = [
        ...grade.strengths.map((s) => /: you covered (.*)\.$/.exec(s)?.[1]),
        ...[...grade.criteria, ...grade.competencies].map(
          (c) => /^Not reached: (.*)\.$/.exec(c.missing)?.[1],
        ),
      ]
      for (const line of lines)
        for (const point of line?.split('; ') ?? []) {
          expect(shown.has(point), `${id}: ${point}`).toBe(true)
          if (/^(?:whether|[a-z]+ing)\b/.test(point)) reworded++
        }
    }
    expect(reworded).toBeGreaterThan(5)
  })
})
