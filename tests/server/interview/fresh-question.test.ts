import { beforeAll, describe, expect, it } from 'vitest'
import { composeFreshQuestion, questionLabels } from '../../../server/interview/fresh-question.js'
import { closestOverlap, isNearRepeat } from '../../../server/interview/question-similarity.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import type { Question } from '../../../server/questions/question-schema.js'

// The API versioning question: its steps have long names ("Phase 2: Content Negotiation
// (Weeks 5-8)") that outweigh a short question.
let question: Question
beforeAll(async () => {
  const bank = await loadQuestionBank('questions')
  question = bank.questions.find((q) => q.id === 'the-api-versioning-challenge')!
})

/**
 * The question the LLM interviewer asks when every question its model wrote was a repeat: new by
 * the composer's measure (step names ignored) and, with the names counted, not a rewording of
 * what was asked either. bench:interviewer's drills found the one case where the first template
 * rotation was new only without the name (q14, 1 of 480 reps); this checks the contract on many
 * seeds of a question with long step names.
 */
describe('composeFreshQuestion', () => {
  const asked = (name: string) => [
    `Again on ${name.toLowerCase()}: what is the first concrete thing you would do?`,
    `Still on ${name.toLowerCase()}: what is the first concrete thing you would do, and why?`,
  ]

  it('asks a question new both with and without the step name, whatever the seed', () => {
    const step = question.framework.steps[1]!
    for (let i = 0; i < 40; i++) {
      const fresh = composeFreshQuestion({
        question,
        turns: [],
        memory: { questions: asked(step.name), quotes: new Set() },
        target: { kind: 'rollout', label: step.name, coverage: null, move: 'drill' },
        seed: `session-1:${i}:step:2`,
      })
      expect(fresh.move).toBe('drill')
      const before = asked(step.name)
      expect(isNearRepeat(fresh.question, before, questionLabels(question))).toBe(false)
      expect(closestOverlap(fresh.question, before), fresh.question).toBeLessThan(0.5)
    }
  })

  it('asks a wrap-up question not asked before when there is no target', () => {
    const first = composeFreshQuestion({
      question,
      turns: [],
      memory: { questions: [], quotes: new Set() },
      target: null,
      seed: 's',
    })
    const second = composeFreshQuestion({
      question,
      turns: [],
      memory: { questions: [first.question], quotes: new Set() },
      target: null,
      seed: 's',
    })
    expect(second.question).not.toBe(first.question)
  })
})
