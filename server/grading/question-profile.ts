import type { Question } from '../questions/question-schema.js'
import type { Term, TextAnalyzer } from '../text/text-analyzer.js'
import { buildCriterionReference } from './criterion-reference.js'

/**
 * Words rubrics use to describe a performance rather than its content ("Demonstrated canary
 * rollout"): demoted like the question's own words, so nobody is graded on saying them.
 */
const RUBRIC_WORDS =
  'demonstrated demonstrates demonstrating showed shows showing understanding understands correctly identified identifies identifying provided provides proposed proposes concrete clear clearly explained explains explaining strong good solid approach ability awareness recognized recognizes recognizing acknowledged acknowledges thinking'

/** One thing the candidate is graded on: a rubric criterion, a competency or a framework step. */
export type ProfileTarget = {
  kind: 'criterion' | 'competency' | 'step'
  name: string
  /** Its description plus the model-answer sentences that illustrate it (criterion-reference.ts). */
  reference: string
  /** Indices into `QuestionProfile.terms` of the reference's content terms, demoted ones left out. */
  termIndices: number[]
}

/** What grading a question needs that does not depend on the answer; built once per question. */
export type QuestionProfile = {
  questionId: string
  /** Text whose words earn nothing: the question, its scenario and rubric vocabulary. */
  demote: string
  targets: ProfileTarget[]
  /**
   * Every reference term of every target, once, then the model answer's other terms: a sentence
   * that reaches one of those for the first time is content, not filler, though no target grades it.
   */
  terms: Term[]
}

/**
 * Builds a question's profile. Restating the question or its scenario shows no knowledge
 * (Mohler-style question demoting). The rubric's criterion and competency names are category
 * labels ("GraphQL Expertise") and are in no reference (criterion-reference.ts), so a sentence
 * that lists them reaches only what their descriptions also say; their words are not demoted,
 * since "idempotency" in "Idempotency Understanding" is content too.
 */
export function buildQuestionProfile(analyzer: TextAnalyzer, question: Question): QuestionProfile {
  const demote = [question.prompt, question.scenario, ...question.requirements, RUBRIC_WORDS].join(
    '\n',
  )
  const demoted = new Set(analyzer.terms(demote).map((t) => t.stem))
  const terms: Term[] = []
  const indexOf = new Map<string, number>()
  const target = (kind: ProfileTarget['kind'], t: { name: string; description: string }) => {
    const reference = buildCriterionReference(analyzer, t, question.modelAnswer)
    const own = analyzer.terms(reference)
    // A reference made only of demoted words would have nothing left: then it keeps them all.
    const kept = own.some((x) => !demoted.has(x.stem))
      ? own.filter((x) => !demoted.has(x.stem))
      : own
    const termIndices = kept.map((x) => {
      let i = indexOf.get(x.stem)
      if (i === undefined) {
        i = terms.push(x) - 1
        indexOf.set(x.stem, i)
      }
      return i
    })
    return { kind, name: t.name, reference, termIndices }
  }
  const targets = [
    ...question.rubric.map((r) => target('criterion', r)),
    ...question.competencies.map((c) => target('competency', c)),
    ...question.framework.steps.map((s) => target('step', s)),
  ]
  for (const x of analyzer.terms(question.modelAnswer))
    if (!demoted.has(x.stem) && !indexOf.has(x.stem)) indexOf.set(x.stem, terms.push(x) - 1)
  return {
    questionId: question.id,
    demote,
    targets,
    terms,
  }
}

/**
 * A small cache of profiles by question, checked against the question's content: the worker
 * thread receives a fresh copy of the question with every request, so identity cannot key it.
 */
export function createProfileCache(analyzer: TextAnalyzer, size = 32) {
  const cache = new Map<string, { key: string; profile: QuestionProfile }>()
  return (question: Question): QuestionProfile => {
    const key = JSON.stringify([
      question.modelAnswer,
      question.prompt,
      question.scenario,
      question.requirements,
      question.rubric,
      question.competencies,
      question.framework.steps,
    ])
    const hit = cache.get(question.id)
    if (hit && hit.key === key) return hit.profile
    const profile = buildQuestionProfile(analyzer, question)
    if (cache.size >= size) cache.delete(cache.keys().next().value!)
    cache.set(question.id, { key, profile })
    return profile
  }
}
