import { describe, expect, it } from 'vitest'
import {
  FOLLOW_UP_TEMPLATES,
  fillTemplate,
  templateText,
} from '../../../server/interview/follow-up-templates.js'
import { classifyStep, cueOf, STEP_KINDS } from '../../../server/interview/step-kinds.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'

describe('classifyStep', () => {
  it.each([
    ['Explicit Assumptions Documentation', 'State all assumptions', 'assumptions'],
    ['Pre-Implementation Validation', 'Prototype testing, load simulation', 'validation'],
    ['Early Warning Metrics', 'Define 5-7 leading indicators', 'metrics'],
    ['Hidden Cost Analysis', 'Quantify operational overhead', 'costs'],
    ['Pivot Criteria', 'Establish clear thresholds', 'failure-modes'],
    ['Hypothesis Generation', 'List 5-7 probable causes', 'root-cause'],
    ['Idempotency Strategy', 'Ensure Stripe charges are idempotent', 'implementation'],
    ['Deployment Strategy', 'Canary rollout, rollback plan', 'rollout'],
    ['Reconciliation', 'Fix existing broken transactions with backfill script', 'verification'],
    ['Tradeoff Analysis', 'Consistency vs performance vs complexity', 'trade-offs'],
    ['Communication Plan', 'Customer messaging at each stage', 'communication'],
    ['Learning', 'Concrete behavior changes with evidence', 'reflection'],
  ])('%s is %s', (name, description, kind) => {
    expect(classifyStep({ name, description })).toBe(kind)
  })

  it('gives every step of the bank a kind with templates', async () => {
    const bank = await loadQuestionBank('questions')
    expect(bank.questions.length).toBeGreaterThan(0)
    for (const q of bank.questions) {
      for (const step of q.framework.steps) {
        const kind = classifyStep(step)
        expect(FOLLOW_UP_TEMPLATES[kind].open.length).toBeGreaterThan(0)
      }
    }
  })
})

describe('follow-up templates', () => {
  it('has open and deeper questions and hints for every kind, all fillable', () => {
    for (const kind of STEP_KINDS) {
      const t = FOLLOW_UP_TEMPLATES[kind]
      expect(t.open.length).toBeGreaterThan(0)
      expect(t.deeper.length).toBeGreaterThan(0)
      expect(t.hints.length).toBeGreaterThan(0)
      for (const d of t.deeper) expect(templateText(d)).toContain('{quote}')
      for (const template of [...t.open, ...t.deeper]) {
        const text = fillTemplate(templateText(template), { step: 'the step', quote: 'the quote' })
        expect(text).not.toMatch(/[{}]/)
        // One question per turn: every template asks exactly one.
        expect(text.split('?').length - 1, text).toBe(1)
      }
      for (const hint of t.hints) expect(hint, hint).not.toContain('?')
    }
  })

  it('fails loudly on a missing variable', () => {
    expect(() => fillTemplate('You said "{quote}".', {})).toThrow(/\{quote\}/)
  })
})

describe('cue words', () => {
  it.each([
    ['assumptions', 'I assume we get 10k requests a second'],
    ['rollout', 'ship it as a canary to 5 percent'],
    ['metrics', 'we alert on p99 latency'],
    ['costs', 'that costs about $40k a month'],
  ] as const)('%s matches "%s"', (kind, text) => {
    expect(cueOf(kind)!.test(text)).toBe(true)
  })

  it('does not fire on unrelated text', () => {
    for (const kind of STEP_KINDS)
      expect(cueOf(kind)?.test('We should use TypeScript.') ?? false).toBe(false)
  })
})
