import type { Question } from '../questions/question-schema.js'
import { isListLike, type DiscourseQuality } from './discourse-quality.js'
import type { CriterionGrade, StepCoverage } from './grade-schema.js'

export type FeedbackInput = {
  question: Question
  criteria: readonly CriterionGrade[]
  competencies: readonly CriterionGrade[]
  framework: readonly StepCoverage[]
  candidate: DiscourseQuality
  /** The model answer's score out of 10: what reference level earns. */
  stated: number
  /** Per criterion or competency name, the model answer's points on it the candidate made. */
  covered?: ReadonlyMap<string, readonly string[]>
  /** Distinct figures the answer states (specific-details.ts); few means "quantify" applies. */
  figures?: number
  /** Certainty asserted beyond the hedges, in [0, 1] (certainty.ts). */
  overconfidence?: number
  /**
   * Per framework step number, what the candidate did not reach of it in the question's terms
   * ("Not reached: ..."; missing-points.ts), empty when nothing specific is missing.
   */
  stepMissing?: ReadonlyMap<number, string>
  /**
   * The key principles the candidate's words do not reach (missing-points.ts `reaches`): only
   * these are advised, since "keep to this principle" about one the answer followed reads as if
   * it had not. Every key principle when undefined (a grader that does not measure them).
   */
  openPrinciples?: readonly string[]
  /**
   * The answer already says what its choices cost (weighs-options.ts): "close with trade-offs"
   * is then no advice for it. Unknown (advised) when undefined.
   */
  weighsOptions?: boolean
  /**
   * The answer's first sentence only restates the question: "lead with the conclusion" applies.
   * Unknown (advised) when undefined.
   */
  restatesFirst?: boolean
}

/** An answer stating this many distinct figures has quantified: "quantify" is no advice for it. */
const QUANTIFIED = 3
/**
 * From this overconfidence on (one certainty beyond the hedges every five sentences), the answer
 * asserts more than it checks: say so.
 */
const OVERCONFIDENT = 0.4

/**
 * Strengths (criteria and competencies at 70% or more of reference level), gaps (under 50%)
 * and exactly three next steps, weakest first, each naming what to add. Deterministic templates.
 */
export function writeFeedback(input: FeedbackInput): {
  strengths: string[]
  gaps: string[]
  nextSteps: string[]
} {
  // A competency named like a criterion is the same grade: said once.
  const named = new Set(input.criteria.map((c) => c.name.trim().toLowerCase()))
  const all = [
    ...input.criteria,
    ...input.competencies.filter((c) => !named.has(c.name.trim().toLowerCase())),
  ]
  const criteria = new Set(input.criteria)
  const strengths = all
    .filter((c) => c.score >= 0.7 * input.stated && c.evidence.length > 0)
    .flatMap((c) => {
      // What the candidate did, in the question's terms: the model answer's points they made,
      // else what they said on it (a rubric criterion's first quote, verbatim, as the review
      // quotes it). Never the measure ("Reaches 12 of the 17 key terms"), which tells a candidate
      // nothing. A competency with no covered point gets no line: its description is a short
      // question ("How do you inform clients?") and its quotes are no better than chance at
      // being about it (unlabelled; on the lead's question 14 interview none of 4 such quotes was, read
      // by hand).
      const points = input.covered?.get(c.name) ?? []
      if (points.length > 0) return [`${c.name}: you covered ${points.join('; ')}.`]
      return criteria.has(c) ? [`${c.name}: you spoke to it, as in "${c.evidence[0]!.quote}"`] : []
    })
  const gaps = all
    .filter((c) => c.score < 0.5 * input.stated)
    // One decimal, as the review shows scores: a criterion's score is kept unrounded (the overall
    // is their weighted mean), and its binary tail ("3.3500000000000005") is no text for a reader.
    .map((c) => `${c.name} (${c.score.toFixed(1)}/10)${c.missing ? `: ${c.missing}` : ''}`)
  return { strengths, gaps, nextSteps: pickNextSteps(input) }
}

function pickNextSteps(input: FeedbackInput): string[] {
  const steps: string[] = []
  if (isListLike(input.candidate)) {
    steps.push(
      'Explain rather than list: for each point say what you would do, why, and what it costs ("I would add X because Y, which means Z").',
    )
  }
  if ((input.overconfidence ?? 0) >= OVERCONFIDENT) {
    steps.push(
      'Say how you would check before you act: the answer states its fixes as certainties ("always", "guaranteed", "simply") and hedges none of them; name what would confirm each one, what it depends on, and what would make you change course.',
    )
  }
  const weakest = [...input.criteria].sort(
    (a, b) => a.score - b.score || a.name.localeCompare(b.name),
  )
  for (const c of weakest) {
    // What the answer did not reach, in the question's terms. A criterion with nothing specific
    // missing gets no step: restating the rubric's wording ("Provided concrete ...") tells the
    // candidate nothing they can do.
    if (c.score >= 0.9 * input.stated || !c.missing) continue
    steps.push(`Strengthen "${c.name}". ${c.missing}`)
  }
  const stepsByNumber = new Map(input.question.framework.steps.map((s) => [s.number, s]))
  for (const f of input.framework.filter((s) => s.coverage !== 'full')) {
    const step = stepsByNumber.get(f.step)
    if (f.coverage === 'none') {
      steps.push(
        `Cover framework step ${f.step}, "${f.name}"${step?.description ? `: ${step.description}` : ''}.`,
      )
      continue
    }
    // A step begun: its description may be what the candidate already said, so name only what
    // of it they did not reach, and nothing when nothing specific is missing.
    const missing = input.stepMissing?.get(f.step)
    if (missing) steps.push(`Finish framework step ${f.step}, "${f.name}". ${missing}`)
  }
  for (const principle of input.openPrinciples ?? input.question.framework.keyPrinciples)
    steps.push(`Keep to this principle: ${principle}.`)
  if ((input.figures ?? 0) < QUANTIFIED)
    steps.push(
      'Quantify: put numbers on scale, latency, cost and risk, and state the assumptions behind them.',
    )
  // The general advice, each only where the answer does not already do it: an answer walked
  // through in full that is told to "close with trade-offs" after weighing every option, or to
  // "lead with the conclusion" after opening with it, stops trusting the rest.
  if (!input.weighsOptions)
    steps.push(
      'Close with trade-offs: what you chose not to do, and the signal that would make you revisit the choice.',
    )
  if (input.restatesFirst ?? true)
    steps.push(
      'Lead with the conclusion: state the cause or the decision in your first minute, then the evidence for it, and go deeper only where the interviewer asks.',
    )
  const framework = input.question.framework
  if (input.framework.length > 0 && input.framework.every((f) => f.coverage === 'full'))
    steps.push(
      `Keep this structure: you walked through every step of the framework${framework.name ? ` ("${framework.name}")` : ''}; answer the next question the same way, one step at a time.`,
    )
  steps.push(
    'Rehearse the answer aloud against the framework, one step at a time, within the time you would have in an interview.',
    'Practise the follow-ups: ask someone to push on your weakest step, and answer with what you would measure and what would make you change course.',
  )
  return [...new Set(steps)].slice(0, 3)
}
