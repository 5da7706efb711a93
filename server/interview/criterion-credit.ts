import type { Question } from '../questions/question-schema.js'
import { levelOf, type CoverageItem, type CoverageMap } from './coverage-map.js'

/**
 * How sure the step model must be that a criterion's own text does one framework step before the
 * criterion counts as that step restated. The model's chance for the step a criterion names is
 * 0.6-1.0 on the bank, and below 0.55 for criteria that span several steps or none ("Time
 * Discipline", "Intellectual Honesty"); 0.6 keeps those apart.
 */
export const RESTATES_AT = 0.6

/**
 * The framework step each rubric criterion restates, by criterion id (`criterion:N`):
 * "Reconciliation Plan: provided a concrete backfill script..." is the step "Reconciliation"
 * judged, not a new subject. Found by asking the step model which step the criterion's own text
 * does (`topicOf`), so it holds for a question added to the bank tomorrow as well as for today's.
 * A criterion that spans several steps or none is left out.
 */
export function restatedSteps(
  question: Question,
  topicOf: (question: Question, text: string, minScore: number) => string | null,
): Map<string, string> {
  const restated = new Map<string, string>()
  question.rubric.forEach((c, i) => {
    const step = topicOf(question, `${c.name}: ${c.description}`, RESTATES_AT)
    if (step) restated.set(`criterion:${i + 1}`, step)
  })
  return restated
}

/**
 * The map with each criterion marked with the step it restates, and credited as that step when
 * the step scored higher (the gap picker also passes on the credit of replies to the step). The
 * criteria are scored by their own words, which a candidate rarely uses: an answer that walks
 * through the backfill and the Stripe comparison covers the Reconciliation step in full and the
 * "Reconciliation Plan" criterion hardly at all, and the interviewer would then say "you haven't
 * covered the reconciliation plan yet" to a candidate who just did.
 */
export function creditRestatedSteps(
  map: CoverageMap,
  restated: ReadonlyMap<string, string>,
  thresholds: { partial: number; full: number },
): CoverageMap {
  const byId = new Map(map.steps.map((s) => [s.id, s]))
  const criteria = map.criteria.map((criterion): CoverageItem => {
    const step = byId.get(restated.get(criterion.id) ?? '')
    if (!step) return criterion
    if (step.score <= criterion.score) return { ...criterion, restates: step.id }
    return {
      ...criterion,
      restates: step.id,
      score: step.score,
      level: levelOf(step.score, thresholds),
      evidence: step.evidence ?? criterion.evidence,
    }
  })
  return { ...map, criteria }
}
