import { describe, expect, it } from 'vitest'
import { FRESH_COVERAGE_LABELS } from '../../../bench/coverage-labels-fresh.js'
import { COVERAGE_LABELS } from '../../../bench/coverage-labels.js'
import { CANDIDATE_SCRIPTS } from '../../../bench/interviewer/candidate-scripts.js'
import { labelledScripts } from '../../../bench/interviewer/labelled-scripts.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'

const bank = await loadQuestionBank('questions')

describe('labelledScripts', () => {
  it('answers each step with a labelled answer that covers that step alone, else the bench script', () => {
    const { scripts, borrowed } = labelledScripts(bank.questions, 0)
    expect(scripts).toHaveLength(bank.questions.length)
    let kept = 0
    for (const question of bank.questions) {
      const script = scripts.find((s) => s.questionId === question.id)!
      const base = CANDIDATE_SCRIPTS.find((s) => s.questionId === question.id)!
      const labelled = [
        ...(FRESH_COVERAGE_LABELS[question.id] ?? []),
        ...(COVERAGE_LABELS[question.id] ?? []),
      ]
      // The keyword list and the clarifying questions stay the bench's.
      expect(script.keywords).toBe(base.keywords)
      expect(script.clarifications).toEqual(base.clarifications)
      for (const step of question.framework.steps) {
        const text = script.steps[step.number]!
        const label = labelled.find((a) => a.text === text)
        if (label) expect(label.covers).toEqual([step.number])
        else {
          expect(text).toBe(base.steps[step.number])
          kept++
        }
      }
    }
    expect(kept).toBe(borrowed)
    // Most steps get other words than the bench's own.
    expect(borrowed).toBeLessThan(10)
  })

  it('takes another labelled answer with another pick, wrapping around', () => {
    const first = labelledScripts(bank.questions, 0).scripts
    const second = labelledScripts(bank.questions, 1).scripts
    const changed = first.filter(
      (s, i) => JSON.stringify(s.steps) !== JSON.stringify(second[i]!.steps),
    )
    expect(changed.length).toBeGreaterThan(0)
    expect(labelledScripts(bank.questions, 1000).scripts).toHaveLength(bank.questions.length)
  })
})
