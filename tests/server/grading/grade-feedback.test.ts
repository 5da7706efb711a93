import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { measureDiscourse } from '../../../server/grading/discourse-quality.js'
import { writeFeedback, type FeedbackInput } from '../../../server/grading/grade-feedback.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { repoRoot } from './grading-support.js'

let question: Question

beforeAll(async () => {
  const bank = await loadQuestionBank(join(repoRoot, 'questions'))
  question = bank.get('the-graphql-n-1-mystery')!
})

const input = (extra: Partial<FeedbackInput>): FeedbackInput => ({
  question,
  criteria: question.rubric.map((r) => ({
    name: r.name,
    evidence: [],
    rationale: '',
    missing: '',
    score: 6,
    verdict: 'scored' as const,
    spread: 0,
  })),
  competencies: [],
  framework: question.framework.steps.map((s) => ({
    step: s.number,
    name: s.name,
    coverage: 'full' as const,
  })),
  candidate: measureDiscourse(
    'I would start with the browser, because the backend time says nothing about parsing and rendering, and then trace the resolvers.',
  ),
  stated: 8.5,
  figures: 5,
  ...extra,
})

const checkStep = (steps: readonly string[]) =>
  steps.filter((s) => /^Say how you would check/.test(s))

describe('writeFeedback', () => {
  // A strength says what the candidate did: the model answer's points they made, else their own
  // words on it. "Reaches 12 of the 17 key terms" is the grader's measure, meaningless to them.
  it('quotes what the candidate said on a strong criterion with no covered point, never the measure', () => {
    const quote = 'I would batch the order lookups with DataLoader, one query per request.'
    const criteria = input({}).criteria.map((c, i) => ({
      ...c,
      score: 8,
      rationale: `Reaches 12 of the 17 key terms of "${c.name}" (its description and the model answer's sentences on it).`,
      evidence: i === 0 ? [{ turnId: 'c1', quote }] : [],
    }))
    const covered = new Map([[criteria[1]!.name, ['Add DataLoader batching']]])
    // A competency with a quote but no covered point: its quotes are too weak to show as a strength.
    const competencies = [{ ...criteria[0]!, name: 'Performance Profiling' }]
    const { strengths } = writeFeedback(input({ criteria, competencies, covered }))
    // Only the criterion with a quote is a strength (a strength needs evidence, as before).
    expect(strengths).toEqual([`${criteria[0]!.name}: you spoke to it, as in "${quote}"`])
    expect(strengths.join('\n')).not.toMatch(/key terms/)
  })

  it('tells an answer that asserts far more than it hedges to say how it would check', () => {
    const steps = writeFeedback(input({ overconfidence: 0.8 })).nextSteps
    expect(steps).toHaveLength(3)
    expect(checkStep(steps)).toHaveLength(1)
  })

  it('says nothing of certainty to an answer that hedges, or when nothing measured it', () => {
    expect(checkStep(writeFeedback(input({ overconfidence: 0.2 })).nextSteps)).toEqual([])
    expect(checkStep(writeFeedback(input({})).nextSteps)).toEqual([])
  })

  // The graded transcripts no longer show this advice (their one low-figure answer with room for
  // it spelled its figures: "forty services", "six owners"), so it is checked here.
  it('tells an answer with fewer than three figures to quantify, and one with figures not', () => {
    const quantify = (figures: number) =>
      writeFeedback(input({ figures })).nextSteps.filter((s) => /^Quantify/.test(s))
    expect(quantify(1)).toHaveLength(1)
    expect(quantify(5)).toEqual([])
  })

  it('writes a gap score to one decimal, as the review shows scores', () => {
    const criteria = input({}).criteria.map((c) => ({ ...c, score: 3.3500000000000005 }))
    const gaps = writeFeedback(input({ criteria })).gaps
    expect(gaps.length).toBeGreaterThan(0)
    for (const gap of gaps) expect(gap).toContain('(3.4/10)')
  })

  describe('a framework step not fully covered', () => {
    const framework = (coverage: 'none' | 'partial') =>
      question.framework.steps.map((s) => ({
        step: s.number,
        name: s.name,
        coverage: s.number === 2 ? coverage : ('full' as const),
      }))
    const stepAdvice = (steps: readonly string[]) => steps.filter((s) => /framework step 2/.test(s))
    // Every criterion at the reference level: the step advice is not crowded out of the three.
    const strong = () => input({}).criteria.map((c) => ({ ...c, score: 8.5 }))

    it('untouched: asks for the step as the framework describes it', () => {
      const steps = writeFeedback(
        input({ criteria: strong(), framework: framework('none') }),
      ).nextSteps
      const step = question.framework.steps.find((s) => s.number === 2)!
      expect(stepAdvice(steps)).toEqual([
        `Cover framework step 2, "${step.name}": ${step.description}.`,
      ])
    })

    it('begun: names only what of it was not reached, never the description the candidate may have said', () => {
      const stepMissing = new Map([[2, 'Not reached: Backend GraphQL tracing.']])
      const steps = writeFeedback(
        input({ criteria: strong(), framework: framework('partial'), stepMissing }),
      ).nextSteps
      const step = question.framework.steps.find((s) => s.number === 2)!
      expect(stepAdvice(steps)).toEqual([
        `Finish framework step 2, "${step.name}". Not reached: Backend GraphQL tracing.`,
      ])
    })

    it('begun with nothing specific missing: no advice on it', () => {
      const steps = writeFeedback(
        input({ criteria: strong(), framework: framework('partial'), stepMissing: new Map() }),
      ).nextSteps
      expect(stepAdvice(steps)).toEqual([])
      expect(steps).toHaveLength(3)
    })
  })

  // A principle the answer followed is no advice: the offline grader passes only those its
  // sentences do not reach (openPrinciples), and every one when it does not measure them.
  it('advises only the key principles it is given as open', () => {
    const principles = (open?: string[]) =>
      writeFeedback(
        input({
          question: {
            ...question,
            framework: {
              ...question.framework,
              keyPrinciples: ['Measure before fixing', 'Batch the resolvers'],
            },
          },
          openPrinciples: open,
          weighsOptions: true,
          restatesFirst: false,
        }),
      ).nextSteps.filter((s) => s.startsWith('Keep to this principle'))
    expect(principles(['Batch the resolvers'])).toEqual([
      'Keep to this principle: Batch the resolvers.',
    ])
    expect(principles([])).toEqual([])
    expect(principles(undefined)).toHaveLength(2)
  })

  it('asks for trade-offs or a conclusion first only of an answer that lacks them', () => {
    const general = (extra: Partial<FeedbackInput>) =>
      writeFeedback(input({ openPrinciples: [], ...extra })).nextSteps
    const done = general({ weighsOptions: true, restatesFirst: false })
    expect(done.some((s) => s.startsWith('Close with trade-offs'))).toBe(false)
    expect(done.some((s) => s.startsWith('Lead with the conclusion'))).toBe(false)
    expect(done).toHaveLength(3)
    const lacking = general({ weighsOptions: false, restatesFirst: true })
    expect(lacking.some((s) => s.startsWith('Close with trade-offs'))).toBe(true)
    expect(lacking.some((s) => s.startsWith('Lead with the conclusion'))).toBe(true)
  })

  // Every step full: the structure is what worked, and saying so is advice the candidate can keep.
  it('tells an answer that walked every framework step to keep that structure', () => {
    const steps = writeFeedback(
      input({ openPrinciples: [], weighsOptions: true, restatesFirst: false }),
    ).nextSteps
    expect(steps.some((s) => s.startsWith('Keep this structure'))).toBe(true)
    const partial = writeFeedback(
      input({
        openPrinciples: [],
        weighsOptions: true,
        restatesFirst: false,
        framework: question.framework.steps.map((s) => ({
          step: s.number,
          name: s.name,
          coverage: 'partial' as const,
        })),
      }),
    ).nextSteps
    expect(partial.some((s) => s.startsWith('Keep this structure'))).toBe(false)
  })
})
