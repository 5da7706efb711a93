import type { CriterionGrade } from './grade-schema.js'

/**
 * Five questions name a competency like a rubric criterion ("GraphQL Expertise", "Risk
 * Management"). It is one thing to the candidate, so it gets one grade: the competency takes the
 * criterion's grade (score, evidence, rationale and what is missing), whatever grader produced
 * them. Names match with case and surrounding space ignored.
 */
export function shareSameNamedGrades<T extends CriterionGrade>(
  criteria: readonly T[],
  competencies: readonly T[],
): T[] {
  const key = (name: string) => name.trim().toLowerCase()
  const byName = new Map(criteria.map((c) => [key(c.name), c]))
  return competencies.map((c) => {
    const criterion = byName.get(key(c.name))
    return criterion ? { ...criterion, name: c.name } : c
  })
}
