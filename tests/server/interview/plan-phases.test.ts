import { beforeAll, describe, expect, it } from 'vitest'
import { missingPlanPhases, pendingPlanPhase } from '../../../server/interview/plan-phases.js'
import { loadQuestionBank, type QuestionBank } from '../../../server/questions/question-bank.js'

let bank: QuestionBank
beforeAll(async () => {
  bank = await loadQuestionBank('questions')
})
const byId = (id: string) => bank.questions.find((q) => q.id === id)!

describe('missingPlanPhases', () => {
  it('adds fix, rollout and verification to a framework that stops at the cause', () => {
    // GraphQL N+1: Layer Isolation, Tool Application, Hypothesis Testing, Root Cause.
    expect(missingPlanPhases(byId('the-graphql-n-1-mystery')).map((p) => p.kind)).toEqual([
      'fix',
      'rollout',
      'verification',
    ])
    // The performance mystery ends with its own Verification step: that one is not added.
    expect(
      missingPlanPhases(byId('the-production-performance-mystery')).map((p) => p.kind),
    ).toEqual(['fix', 'rollout'])
  })

  it('adds nothing where the framework carries its own plan', () => {
    const withPlan = bank.questions.filter(
      (q) => !['the-graphql-n-1-mystery', 'the-production-performance-mystery'].includes(q.id),
    )
    expect(withPlan.length).toBe(13)
    for (const q of withPlan) expect(missingPlanPhases(q), q.id).toEqual([])
  })
})

describe('pendingPlanPhase', () => {
  const question = () => byId('the-graphql-n-1-mystery')
  const diagnosis =
    'The 200 ms is measured at the server. I would open the Network tab and Apollo tracing, and the orders resolver probably runs one query per order.'

  it('asks the fix first when the answers only diagnose (a "resolver" is no fix)', () => {
    expect(pendingPlanPhase({ question: question(), answers: diagnosis, asked: [] })?.kind).toBe(
      'fix',
    )
  })

  it('moves on once the answers make the change, or once it was asked', () => {
    const fixed = `${diagnosis}\nI'd batch the lookups with DataLoader.`
    expect(pendingPlanPhase({ question: question(), answers: fixed, asked: [] })?.kind).toBe(
      'rollout',
    )
    const fix = pendingPlanPhase({ question: question(), answers: diagnosis, asked: [] })!
    const next = pendingPlanPhase({
      question: question(),
      answers: diagnosis,
      asked: [fix.question],
    })
    expect(next?.kind).toBe('rollout')
    const shipped = `${fixed}\nBehind a feature flag, to a 5% canary first.`
    expect(pendingPlanPhase({ question: question(), answers: shipped, asked: [] })?.kind).toBe(
      'verification',
    )
    const verified = `${shipped}\nI'd verify with real-user monitoring before and after.`
    expect(pendingPlanPhase({ question: question(), answers: verified, asked: [] })).toBeNull()
  })

  it('never asks a phase whose question was asked in other words', () => {
    const asked = [
      'Say your leading suspect is confirmed: what exactly would you change, and how would you know the change fixed it?',
    ]
    expect(pendingPlanPhase({ question: question(), answers: diagnosis, asked })?.kind).toBe(
      'rollout',
    )
  })

  it('asks one question per phase', () => {
    for (const phase of missingPlanPhases(question())) {
      expect(phase.question.split('?').length - 1).toBe(1)
    }
  })
})
