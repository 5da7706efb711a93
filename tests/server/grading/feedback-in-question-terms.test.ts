import { beforeAll, describe, expect, it } from 'vitest'
import { removeQuestionClaims } from '../../../server/grading/claims-filter.js'
import { isListLike, measureDiscourse } from '../../../server/grading/discourse-quality.js'
import { formatGradeReport } from '../../../server/grading/format-grade-report.js'
import type { Grade } from '../../../server/grading/grade-schema.js'
import {
  joinCandidateText,
  listCandidateSentences,
} from '../../../server/grading/candidate-sentences.js'
import { countFigures } from '../../../server/grading/specific-details.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { pointWording, questionPoints } from '../../../server/grading/missing-points.js'
import { readDevSet, type DevCase } from './claims-corpus.js'
import { setUpGrader } from './grading-support.js'

// Issue 8, item 4, on the dev set's transcripts: evidence specific to each criterion, "missing"
// in the question's own terms, one grade per name, and the discourse note only when true.
const LEVELS = ['excellent-own-words', 'mediocre', 'keyword-list']
const graded: Array<{ c: DevCase; q: Question; grade: Grade }> = []

beforeAll(async () => {
  const { bank, grader } = await setUpGrader()
  for (const c of readDevSet().filter((d) => LEVELS.includes(d.level))) {
    const q = bank.get(c.questionId)!
    graded.push({ c, q, grade: grader.grade(q, c) })
  }
}, 300_000)

// A point is shown as a candidate reads it ("identifying JavaScript parse/compile time" for the
// model answer's "Identify JavaScript parse/compile time"; point-phrase.ts): the question's point
// as written, or as worded.
const worded = (q: Question) => questionPoints(q).map(pointWording(q))
const fold = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').toLowerCase()

describe('evidence', () => {
  it('no sentence is the first quote of every criterion of an excellent answer', () => {
    const excellent = graded.filter((g) => g.c.level === 'excellent-own-words')
    expect(excellent).toHaveLength(15)
    for (const { c, grade } of excellent) {
      const firsts = grade.criteria.flatMap((k) => k.evidence.slice(0, 1).map((e) => e.quote))
      expect(firsts.length, c.questionId).toBeGreaterThanOrEqual(3)
      // Most criteria quote a sentence of their own.
      expect(new Set(firsts).size, c.questionId).toBeGreaterThanOrEqual(
        Math.ceil(firsts.length * 0.75),
      )
    }
  })
})

describe('what is missing', () => {
  it('names points of the model answer or the framework steps, verbatim, never the rubric', () => {
    let named = 0
    for (const { c, q, grade } of graded) {
      const source = fold(
        [q.modelAnswer, ...q.framework.steps.map((s) => s.description), ...worded(q)].join('\n'),
      )
      const names = [...q.rubric, ...q.competencies].map((k) => fold(k.name))
      for (const k of [...grade.criteria, ...grade.competencies]) {
        if (!k.missing) continue
        expect(k.missing, `${c.questionId}/${c.level}`).toMatch(/^Not reached: .+\.$/)
        const points = k.missing
          .replace(/^Not reached: /, '')
          .replace(/\.$/, '')
          .split('; ')
        // No point repeats another ("Chrome DevTools Network tab" beside a list that holds it).
        for (const [i, a] of points.entries())
          for (const b of points.slice(i + 1))
            expect(fold(a).includes(fold(b)) || fold(b).includes(fold(a)), k.missing).toBe(false)
        for (const point of points) {
          named++
          expect(source, `${c.questionId}: ${point}`).toContain(fold(point))
          expect(point.split(/\s+/).length).toBeGreaterThanOrEqual(3)
          expect(names).not.toContain(fold(point))
          // A number stands in a phrase that says what it measures.
          expect(point).toMatch(/\p{L}{3,}.*\p{L}{3,}/u)
        }
      }
    }
    // The weak answers of the set do miss points: the check above ran on many of them.
    expect(named).toBeGreaterThan(60)
  })

  it('a weak answer is told more of what it missed than an excellent one', () => {
    for (const q of new Set(graded.map((g) => g.q.id))) {
      const count = (level: string) =>
        graded
          .find((g) => g.q.id === q && g.c.level === level)!
          .grade.criteria.filter((k) => k.missing).length
      expect(count('mediocre'), q).toBeGreaterThanOrEqual(count('excellent-own-words'))
    }
  })
})

describe('one grade per name', () => {
  it('a competency named like a rubric criterion has the criterion grade, listed once', () => {
    let pairs = 0
    for (const { q, grade } of graded) {
      for (const comp of grade.competencies) {
        const crit = grade.criteria.find((k) => fold(k.name) === fold(comp.name))
        if (!crit) continue
        pairs++
        expect(comp.score).toBe(crit.score)
        expect(comp.evidence).toEqual(crit.evidence)
        const report = formatGradeReport(grade, q)
        const competencies = report.slice(
          report.indexOf('\nCompetencies'),
          report.indexOf('\nFramework'),
        )
        expect(competencies).not.toContain(crit.name)
        expect(grade.gaps.filter((g) => g.startsWith(`${crit.name} (`)).length).toBeLessThanOrEqual(
          1,
        )
      }
    }
    expect(pairs).toBeGreaterThan(0)
  })
})

describe('the discourse note', () => {
  it('is given exactly when the answer reads as a list', () => {
    let noted = 0
    for (const { c, q, grade } of graded) {
      const said = joinCandidateText(removeQuestionClaims(q, c).transcript)
      const listLike = isListLike(measureDiscourse(said))
      for (const k of grade.criteria) {
        expect(k.rationale.includes('listing terms'), `${c.questionId}/${c.level}`).toBe(listLike)
        if (listLike) noted++
      }
    }
    const prose = graded.filter((g) => g.c.level !== 'keyword-list')
    for (const { grade } of prose)
      for (const k of grade.criteria) expect(k.rationale).not.toMatch(/listing terms/)
    expect(noted).toBeGreaterThan(0)
  })
})

describe('what was done well, and what to do next', () => {
  it('rationales and strengths name the points the candidate made, never matched words', () => {
    let named = 0
    for (const { c, q, grade } of graded) {
      const source = fold(
        [q.modelAnswer, ...q.framework.steps.map((s) => s.description), ...worded(q)].join('\n'),
      )
      for (const k of [...grade.criteria, ...grade.competencies]) {
        expect(k.rationale, `${c.questionId}/${c.level}`).not.toMatch(/Matched:/)
        const covered = /Covered: (.+?)\.(?= It reads| \d+% of the words|$)/.exec(k.rationale)?.[1]
        for (const point of covered?.split('; ') ?? []) {
          expect(source, k.rationale).toContain(fold(point))
          named++
        }
      }
      for (const strength of grade.strengths)
        if (/you covered/.test(strength)) expect(strength).toMatch(/^[^:]+: you covered .+\.$/)
    }
    // The excellent answers do make the model answer's points, and are told so.
    expect(named).toBeGreaterThan(30)
    const excellent = graded.filter((g) => g.c.level === 'excellent-own-words')
    const told = excellent.filter((g) => g.grade.strengths.some((s) => /you covered/.test(s)))
    expect(told.length).toBeGreaterThanOrEqual(12)
  })

  // "Reaches 12 of the 26 key terms" counted the grader's terms: nothing a candidate can use.
  it('says in words how much of the criterion the answer reaches, never a count of terms', () => {
    for (const { c, grade } of graded)
      for (const k of [...grade.criteria, ...grade.competencies]) {
        expect(k.rationale, `${c.questionId}/${c.level}`).not.toMatch(/key terms/)
        expect(k.rationale).toMatch(
          /^Your answer reaches (nearly all|most|about half|some|little|none) of what the rubric and the model answer say on "[^"]+"\./,
        )
      }
  })

  it('gives exactly three next steps, none restating the rubric, "quantify" only to answers without figures', () => {
    for (const { c, q, grade } of graded) {
      expect(grade.nextSteps, `${c.questionId}/${c.level}`).toHaveLength(3)
      const descriptions = q.rubric.map((r) => fold(r.description))
      for (const step of grade.nextSteps)
        for (const d of descriptions) expect(fold(step)).not.toContain(d)
    }
    // Answers that state figures are not told to quantify; the others may be.
    const quantified = graded.filter(
      (g) =>
        countFigures(listCandidateSentences(g.c).map((s) => s.text)) >= 3 &&
        g.grade.nextSteps.some((s) => /^Quantify/.test(s)),
    )
    expect(quantified).toEqual([])
  })
})
