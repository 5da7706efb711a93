import { describe, expect, it } from 'vitest'
import {
  activitiesOf,
  DISMISSAL,
  STEP_ACTIVITIES,
} from '../../../server/interview/coverage-cues.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'

const bank = await loadQuestionBank(new URL('../../../questions', import.meta.url).pathname)
const stepTexts = bank.questions.map((q) =>
  q.framework.steps.map((s) => `${s.name}. ${s.description}`),
)

describe('step activities', () => {
  it('are each met in steps of at least two questions: none is a one-question hack', () => {
    for (const activity of STEP_ACTIVITIES) {
      const questions = stepTexts.filter((steps) =>
        steps.some((text) => activity.step.test(text.toLowerCase())),
      )
      expect(questions.length, activity.name).toBeGreaterThanOrEqual(2)
    }
  })

  it('give most steps of the bank at least one activity', () => {
    const all = stepTexts.flat()
    const with1 = all.filter((text) => activitiesOf(text).length > 0)
    expect(with1.length / all.length).toBeGreaterThanOrEqual(0.9)
  })

  it('hear a stage gate in words far from the step text', () => {
    const gates = activitiesOf('Stage Gates. Clear success criteria before proceeding')
    const said = 'We only move to the next step if error rate stays within what we agreed.'
    expect(gates.filter((a) => a.said.test(said)).map((a) => a.name)).toContain('gates')
  })
})

describe('DISMISSAL', () => {
  it.each([
    'I would not do dual writes at all.',
    'We should just deploy it to everyone.',
    'I regret nothing.',
  ])('hears a step waved away: "%s"', (text) => expect(DISMISSAL.test(text)).toBe(true))

  it('lets a step done in plain words through', () => {
    expect(DISMISSAL.test('I would ramp from 1% to 5% and watch the error rate.')).toBe(false)
  })
})
