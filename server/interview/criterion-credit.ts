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
 * How much of the step model's belief in a criterion's own text must go to the framework steps
 * (rather than to "none of them") before the criterion is judged by those steps at all.
 */
const RESEMBLES_STEPS_AT = 0.5

/**
 * How much each rubric criterion's own text resembles each framework step: the step model's
 * chance for that step (the map of the criterion's text alone), by criterion id. Kept whole, not
 * cut at RESTATES_AT: most criteria that judge one step are spread by the model over two or three
 * neighbours ("Saga Pattern Implementation" 0.29 options, 0.28 recommendation, 0.28 the
 * organisational fix), which is exactly the ambiguity of the candidate's own answers.
 */
export function stepResemblance(
  question: Question,
  stepsOfText: (text: string) => readonly CoverageItem[],
): Map<string, Record<string, number>> {
  const resemblance = new Map<string, Record<string, number>>()
  question.rubric.forEach((c, i) => {
    const steps = stepsOfText(`${c.name}: ${c.description}`)
    resemblance.set(`criterion:${i + 1}`, Object.fromEntries(steps.map((s) => [s.id, s.score])))
  })
  return resemblance
}

/**
 * A criterion's credit from the steps its text resembles: their scores averaged with the
 * resemblances as weights. A criterion the model cannot pin to one step is as covered as the
 * steps it spreads over, in proportion, so after a candidate covered every step it leans on, the
 * interviewer does not ask "let's talk about saga pattern implementation" as if it were new; a
 * criterion leaning on an uncovered step stays open. 0 for a criterion the model mostly puts on
 * no step (then only its own words count).
 */
export function resembledScore(
  resembles: Readonly<Record<string, number>> | undefined,
  scoreOf: (stepId: string) => number,
): number {
  if (!resembles) return 0
  const weights = Object.entries(resembles)
  const total = weights.reduce((sum, [, w]) => sum + w, 0)
  if (total < RESEMBLES_STEPS_AT) return 0
  return weights.reduce((sum, [id, w]) => sum + (w / total) * scoreOf(id), 0)
}

/**
 * The map with each criterion marked with the step it restates, and credited as that step when
 * the step scored higher, or as the steps it resembles (`resembledScore`) when that is higher
 * still (the gap picker also passes on the credit of replies to the steps). The
 * criteria are scored by their own words, which a candidate rarely uses: an answer that walks
 * through the backfill and the Stripe comparison covers the Reconciliation step in full and the
 * "Reconciliation Plan" criterion hardly at all, and the interviewer would then say "you haven't
 * covered the reconciliation plan yet" to a candidate who just did.
 */
export function creditRestatedSteps(
  map: CoverageMap,
  restated: ReadonlyMap<string, string>,
  thresholds: { partial: number; full: number },
  resemblance: ReadonlyMap<string, Readonly<Record<string, number>>> = new Map(),
): CoverageMap {
  const byId = new Map(map.steps.map((s) => [s.id, s]))
  const criteria = map.criteria.map((own): CoverageItem => {
    const resembles = resemblance.get(own.id)
    const criterion = resembles ? { ...own, resembles } : own
    const step = byId.get(restated.get(criterion.id) ?? '')
    const linked = step ? { ...criterion, restates: step.id } : criterion
    const spread = round(resembledScore(resembles, (id) => byId.get(id)?.score ?? 0))
    const best = step && step.score >= spread ? step.score : spread
    if (best <= linked.score) return linked
    return {
      ...linked,
      score: best,
      level: levelOf(best, thresholds),
      evidence: (step && step.score >= spread ? step.evidence : null) ?? criterion.evidence,
    }
  })
  return { ...map, criteria }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
