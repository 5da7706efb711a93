import { describe, expect, it } from 'vitest'
import { FRESH_COVERAGE_LABELS } from '../../bench/coverage-labels-fresh.js'
import { COVERAGE_LABELS } from '../../bench/coverage-labels.js'
import { loadQuestionBank } from '../../server/questions/question-bank.js'

const bank = await loadQuestionBank(new URL('../../questions', import.meta.url).pathname)

describe('coverage labels', () => {
  it('label every question of the bank, at least 600 (answer, step) pairs in all', () => {
    expect(Object.keys(COVERAGE_LABELS).sort()).toEqual(bank.questions.map((q) => q.id).sort())
    let pairs = 0
    for (const q of bank.questions)
      pairs += COVERAGE_LABELS[q.id]!.length * q.framework.steps.length
    expect(pairs).toBeGreaterThanOrEqual(600)
  })

  it('name only steps the question has, and hold both covered and uncovered answers', () => {
    for (const q of bank.questions) {
      const steps = new Set(q.framework.steps.map((s) => s.number))
      const labels = COVERAGE_LABELS[q.id]!
      for (const l of labels)
        for (const n of l.covers) expect(steps, `${q.id}: ${l.text}`).toContain(n)
      expect(
        labels.some((l) => l.covers.length === 0),
        q.id,
      ).toBe(true)
      // Every step is covered by some answer, so each step's recall is measured.
      for (const n of steps)
        expect(
          labels.some((l) => l.covers.includes(n)),
          `${q.id} step ${n}`,
        ).toBe(true)
    }
  })

  it('hold a fresh set on every question, naming only real steps', () => {
    expect(Object.keys(FRESH_COVERAGE_LABELS).sort()).toEqual(
      bank.questions.map((q) => q.id).sort(),
    )
    for (const q of bank.questions) {
      const steps = new Set(q.framework.steps.map((s) => s.number))
      for (const l of FRESH_COVERAGE_LABELS[q.id]!) {
        for (const n of l.covers) expect(steps, `${q.id}: ${l.text}`).toContain(n)
      }
    }
  })
})
