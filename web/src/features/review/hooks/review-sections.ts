import type { CriterionGrade, Grade } from '../../../shared/contract/session-contract.js'

/** A rubric criterion as the review lists it; `alsoCompetency` when a competency shares its name. */
export type ReviewCriterion = CriterionGrade & { alsoCompetency: boolean }

export type ReviewSections = { criteria: ReviewCriterion[]; competencies: CriterionGrade[] }

const key = (name: string) => name.trim().toLocaleLowerCase('en-US')

/**
 * The grade's two lists as the review shows them. Several questions name a rubric criterion and
 * a competency alike ("Intellectual Honesty", "GraphQL Expertise"); the grader scores both, and
 * two entries with two scores for one name read as a contradiction. Such a pair is one entry,
 * under the rubric criteria (the rubric is what the overall score is computed from), with the
 * criterion's score and the evidence of both, each quote once.
 */
export function splitReviewSections(grade: Grade): ReviewSections {
  const competencyByName = new Map(grade.competencies.map((c) => [key(c.name), c]))
  const criteria = grade.criteria.map((criterion) => {
    const twin = competencyByName.get(key(criterion.name))
    if (!twin) return { ...criterion, alsoCompetency: false }
    const quotes = new Set(criterion.evidence.map((e) => `${e.turnId}\u0000${e.quote}`))
    const extra = twin.evidence.filter((e) => !quotes.has(`${e.turnId}\u0000${e.quote}`))
    return { ...criterion, evidence: [...criterion.evidence, ...extra], alsoCompetency: true }
  })
  const criterionNames = new Set(grade.criteria.map((c) => key(c.name)))
  const competencies = grade.competencies.filter((c) => !criterionNames.has(key(c.name)))
  return { criteria, competencies }
}
