import { describe, expect, it } from 'vitest'
import {
  centred,
  clausesOf,
  computeCoverageMap,
  DEFAULT_COVERAGE_TUNING,
  splitPassages,
  type CoverageTuning,
} from '../../../server/interview/coverage-map.js'
import { buildQuestionProfile } from '../../../server/interview/question-profile.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { loadFixtureQuestion, loadTimeBombQuestion } from './fixtures/load-question.js'

// Lexical analyzer (stems only, no word vectors): fast and deterministic for unit tests.
const analyzer = createTextAnalyzer()
const question = loadTimeBombQuestion()
const profile = buildQuestionProfile(question, [question], analyzer)
const coverageOf = (answers: string[]) =>
  computeCoverageMap({ question, profile, answers, analyzer })

describe('computeCoverageMap', () => {
  it('starts with nothing covered', () => {
    const map = coverageOf([])
    expect(map.steps.map((s) => s.level)).toEqual(Array(6).fill('none'))
    expect(map.steps.map((s) => s.id)).toEqual([
      'step:1',
      'step:2',
      'step:3',
      'step:4',
      'step:5',
      'step:6',
    ])
    expect(map.criteria).toHaveLength(4)
  })

  it('marks the step an answer works through, with the sentence as evidence', () => {
    const said =
      'I would define leading indicators and early warning metrics, like deploy failure rate.'
    const map = coverageOf(['We will use Postgres.', said])
    const metrics = map.steps.find((s) => s.id === 'step:3')!
    expect(metrics.level).not.toBe('none')
    expect(metrics.evidence).toBe(said)
    expect(map.steps.find((s) => s.id === 'step:6')!.level).toBe('none')
  })

  it('only grows as answers accumulate', () => {
    const one = coverageOf([
      'I would state my assumptions about team size, budget and user behavior.',
    ])
    const two = coverageOf([
      'I would state my assumptions about team size, budget and user behavior.',
      'The fallback strategy is a migration path to services if the monolith proves wrong.',
    ])
    one.steps.forEach((s, i) => expect(two.steps[i]!.score).toBeGreaterThanOrEqual(s.score))
    expect(two.steps[5]!.level).not.toBe('none')
    expect(one.steps[5]!.level).toBe('none')
  })

  it('counts a key concept when the answer uses its words', () => {
    const concept = profile.concepts[0]!
    const map = coverageOf([`We need to think about ${concept.text} here.`])
    expect(map.concepts[0]).toMatchObject({
      id: `concept:${concept.text}`,
      level: 'full',
      score: 1,
    })
  })
})

describe('computeCoverageMap on steps done in far words', () => {
  const stepScore = (answer: string, id: string, tuning: Partial<CoverageTuning> = {}) =>
    computeCoverageMap({ question, profile, answers: [answer], analyzer, tuning }).steps.find(
      (s) => s.id === id,
    )!

  it('hears a step by the activity it asks for, not only by its words', () => {
    // Question 4's "Deployment Strategy" (canary rollout, rollback plan), in none of its words.
    const payment = loadFixtureQuestion('the-payment-race-condition')
    const paymentProfile = buildQuestionProfile(payment, [payment], analyzer)
    const said =
      'We send 1% of payments through the new path, then 10%, and flip it off within seconds if errors rise.'
    const deployment = (tuning: Partial<CoverageTuning>) =>
      computeCoverageMap({
        question: payment,
        profile: paymentProfile,
        answers: [said],
        analyzer,
        tuning,
      }).steps.find((s) => s.id === 'step:4')!
    const deaf = { stepModel: { ...DEFAULT_COVERAGE_TUNING.stepModel, activity: 0 } }
    expect(deployment({}).level).not.toBe('none')
    expect(deployment(deaf).score).toBeLessThan(deployment({}).score)
  })

  it('lets a passage cover what it does best, not every step it brushes against', () => {
    const said = 'I assume 10k notifications a second, a team of five and a budget of 50k a month.'
    const steps = coverageOf([said]).steps
    const best = steps.reduce((a, b) => (b.score > a.score ? b : a))
    expect(best.id).toBe('step:1')
    // The chances of one passage are shared among the steps and "none".
    expect(steps.reduce((sum, s) => sum + s.score, 0)).toBeLessThanOrEqual(1.001)
  })

  it('hears no step in a vague line', () => {
    const map = coverageOf(['Honestly there are many good ways to build this, it is all fine.'])
    expect(map.steps.map((s) => s.level)).toEqual(Array(6).fill('none'))
  })

  it('counts a step waved away for less than a step done', () => {
    const waved = 'We would just never bother with a rollback plan or a fallback.'
    const heedless = { stepModel: { ...DEFAULT_COVERAGE_TUNING.stepModel, noneDismissal: 0 } }
    expect(stepScore(waved, 'step:6').score).toBeLessThan(
      stepScore(waved, 'step:6', heedless).score,
    )
  })
})

describe('splitPassages', () => {
  it('yields sentences and adjacent pairs', () => {
    expect(splitPassages(['One thing. Two things. Three.'])).toEqual([
      'One thing.',
      'One thing. Two things.',
      'Two things.',
      'Two things. Three.',
      'Three.',
    ])
  })
})

describe('clausesOf', () => {
  it('splits a sentence at semicolons and colons', () => {
    expect(
      clausesOf(
        'Expiry is cheap and simple but stale; versioned keys are fresher but cost a lookup.',
      ),
    ).toEqual([
      'Expiry is cheap and simple but stale',
      'versioned keys are fresher but cost a lookup.',
    ])
  })

  it('keeps no clause too short to do a step, and no split of one clause', () => {
    expect(clausesOf('Three options: a plain transaction ships in three days.')).toEqual([])
    expect(clausesOf('We meet at 10:30 to review the rollout plan.')).toEqual([])
  })
})

describe('splitPassages with clauses', () => {
  it('adds the clauses of a sentence after it', () => {
    expect(
      splitPassages(['We roll back first and watch errors; then we fix the pool leak.']),
    ).toEqual([
      'We roll back first and watch errors; then we fix the pool leak.',
      'We roll back first and watch errors',
      'then we fix the pool leak.',
    ])
  })
})

describe('centred', () => {
  it("subtracts the step's baseline, and leaves features as they are without one", () => {
    const f = { recall: 0.5, exemplar: 0.4, activity: 1, section: 0.3 }
    const base = { recall: 0.1, exemplar: 0.2, activity: 0.5, section: 0.1 }
    const c = centred(f, base)
    expect(c.recall).toBeCloseTo(0.4)
    expect(c.exemplar).toBeCloseTo(0.2)
    expect(c.activity).toBeCloseTo(0.5)
    expect(c.section).toBeCloseTo(0.2)
    expect(centred(f, undefined)).toBe(f)
  })
})
