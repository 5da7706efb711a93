import { describe, expect, it } from 'vitest'
import type { CoverageItem, CoverageMap } from '../../../server/interview/coverage-map.js'
import {
  creditRestatedSteps,
  resembledScore,
  RESTATES_AT,
  restatedSteps,
  stepResemblance,
} from '../../../server/interview/criterion-credit.js'
import { createStemCoverageTracker } from '../../../server/interview/stem-coverage-tracker.js'
import { FIXTURE_QUESTION_IDS, loadFixtureQuestion } from './fixtures/load-question.js'

const questions = FIXTURE_QUESTION_IDS.map((id) => loadFixtureQuestion(id))
const payment = loadFixtureQuestion('the-payment-race-condition')
const THRESHOLDS = { partial: 0.3, full: 0.45 }

const item = (id: string, score: number, evidence: string | null = null): CoverageItem => ({
  id,
  label: id,
  score,
  level: score >= 0.45 ? 'full' : score >= 0.3 ? 'partial' : 'none',
  evidence,
})

describe('restatedSteps', () => {
  it('asks the step model about each criterion’s own text, at the RESTATES_AT bar', () => {
    const asked: Array<[string, number]> = []
    const links = restatedSteps(payment, (_q, text, minScore) => {
      asked.push([text, minScore])
      return text.startsWith('Reconciliation Plan') ? 'step:5' : null
    })
    expect(asked).toHaveLength(payment.rubric.length)
    expect(asked[2]![0]).toMatch(/^Reconciliation Plan: Provided concrete backfill script/)
    expect(asked.every(([, bar]) => bar === RESTATES_AT)).toBe(true)
    expect([...links]).toEqual([['criterion:3', 'step:5']])
  })

  it('links the payment question’s criteria to the steps they judge, with the real step model', () => {
    const tracker = createStemCoverageTracker(questions)
    const links = restatedSteps(payment, (q, text, min) => tracker.topicOf(q, text, min))
    // Zero-Downtime Strategy, Reconciliation Plan and Long-Term Architecture (the outbox) judge
    // steps 4, 5 and 3. Idempotency Understanding sits near the bar (step 2, or none).
    expect(links.get('criterion:2')).toBe('step:4')
    expect(links.get('criterion:3')).toBe('step:5')
    expect(links.get('criterion:4')).toBe('step:3')
    expect([undefined, 'step:2']).toContain(links.get('criterion:1'))
  })
})

describe('creditRestatedSteps', () => {
  const map: CoverageMap = {
    steps: [item('step:1', 0.2), item('step:2', 0.9, 'I keyed every charge by order id.')],
    criteria: [
      item('criterion:1', 0.1, 'own words'),
      item('criterion:2', 0.5),
      item('criterion:3', 0),
    ],
    concepts: [],
  }
  const links = new Map([
    ['criterion:1', 'step:2'],
    ['criterion:2', 'step:1'],
  ])
  const credited = creditRestatedSteps(map, links, THRESHOLDS)

  it('credits a criterion as its restated step, with the step’s level and evidence', () => {
    expect(credited.criteria[0]).toEqual({
      ...map.criteria[0],
      restates: 'step:2',
      score: 0.9,
      level: 'full',
      evidence: 'I keyed every charge by order id.',
    })
  })

  it('keeps a criterion’s own score when it is higher, and leaves unlinked criteria alone', () => {
    expect(credited.criteria[1]).toEqual({ ...map.criteria[1], restates: 'step:1' })
    expect(credited.criteria[2]).toEqual(map.criteria[2])
    expect(credited.steps).toBe(map.steps)
  })
})

describe('resembledScore', () => {
  const scores: Record<string, number> = { 'step:1': 0.9, 'step:2': 0.6, 'step:3': 0 }
  const scoreOf = (id: string) => scores[id] ?? 0

  it('averages the steps’ scores, weighted by how much the criterion resembles each', () => {
    // Weights 0.3 / 0.3 / 0 (normalised to a half each): the criterion is as covered as steps 1-2.
    expect(resembledScore({ 'step:1': 0.3, 'step:2': 0.3, 'step:3': 0 }, scoreOf)).toBeCloseTo(0.75)
    // Leaning on the uncovered step 3, it stays mostly open.
    expect(resembledScore({ 'step:1': 0.1, 'step:3': 0.5 }, scoreOf)).toBeCloseTo(0.15)
  })

  it('gives nothing when the model puts the criterion mostly on no step', () => {
    expect(resembledScore({ 'step:1': 0.2, 'step:2': 0.2 }, scoreOf)).toBe(0)
    expect(resembledScore(undefined, scoreOf)).toBe(0)
  })
})

describe('creditRestatedSteps with resemblance', () => {
  const map: CoverageMap = {
    steps: [item('step:1', 0.8, 'step one words'), item('step:2', 0.6), item('step:3', 0)],
    criteria: [item('criterion:1', 0.1, 'own words'), item('criterion:2', 0.05)],
    concepts: [],
  }
  const resemblance = new Map<string, Record<string, number>>([
    ['criterion:1', { 'step:1': 0.3, 'step:2': 0.3, 'step:3': 0.05 }],
    ['criterion:2', { 'step:1': 0.05, 'step:3': 0.6 }],
  ])
  const credited = creditRestatedSteps(map, new Map(), THRESHOLDS, resemblance)

  it('credits a criterion spread over covered steps, keeping its own evidence', () => {
    expect(credited.criteria[0]).toMatchObject({
      score: 0.646,
      level: 'full',
      evidence: 'own words',
      resembles: resemblance.get('criterion:1'),
    })
  })

  it('leaves one leaning on an uncovered step about where it was', () => {
    expect(credited.criteria[1]).toMatchObject({ score: 0.062, level: 'none' })
  })
})

describe('stepResemblance', () => {
  it('holds the step model’s chances for each criterion’s own text, every step kept', () => {
    const tracker = createStemCoverageTracker(questions)
    const resemblance = stepResemblance(
      payment,
      (text) => tracker.snapshot(payment, [text], null).map.steps,
    )
    expect([...resemblance.keys()]).toEqual(payment.rubric.map((_, i) => `criterion:${i + 1}`))
    const reconciliation = resemblance.get('criterion:3')!
    expect(Object.keys(reconciliation)).toHaveLength(payment.framework.steps.length)
    const top = Object.entries(reconciliation).sort((a, b) => b[1] - a[1])[0]!
    expect(top[0]).toBe('step:5')
  })
})

describe('the tracker’s criteria', () => {
  it('count an answer that walks through the backfill as the reconciliation plan', () => {
    const tracker = createStemCoverageTracker(questions)
    const answer =
      'For the transactions already broken, I would reconcile: pull every PaymentIntent from ' +
      'Stripe for the last 90 days and join them against our payments table. A backfill script ' +
      'then fixes each mismatch, in batches, with a dry run first.'
    const { map } = tracker.snapshot(payment, [answer], null)
    const step = map.steps.find((s) => s.id === 'step:5')!
    const criterion = map.criteria.find((c) => c.id === 'criterion:3')!
    expect(step.level).toBe('full')
    expect(criterion).toMatchObject({ restates: 'step:5', score: step.score, level: 'full' })
  })
})
