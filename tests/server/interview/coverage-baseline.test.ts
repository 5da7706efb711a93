import { describe, expect, it } from 'vitest'
import {
  backgroundSentences,
  MAX_BACKGROUND_SENTENCES,
  stepBaselines,
} from '../../../server/interview/coverage-baseline.js'
import { DEFAULT_COVERAGE_TUNING } from '../../../server/interview/coverage-map.js'
import { buildQuestionProfile } from '../../../server/interview/question-profile.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { FIXTURE_QUESTION_IDS, loadFixtureQuestion } from './fixtures/load-question.js'

const analyzer = createTextAnalyzer()
const bank = FIXTURE_QUESTION_IDS.map(loadFixtureQuestion)
const [timeBomb, mystery] = bank as [Question, Question, Question]

describe('backgroundSentences', () => {
  it("reads only the other questions' model answers", () => {
    const background = backgroundSentences(timeBomb, bank, analyzer)
    expect(background.length).toBeGreaterThan(0)
    const own = new Set(backgroundSentences(mystery, [mystery, timeBomb], analyzer))
    // The time bomb's own model answer never serves as its background.
    expect(background.some((s) => own.has(s))).toBe(false)
  })

  it('leaves out short lines and fenced code', () => {
    const other: Question = {
      ...mystery,
      id: 'other',
      modelAnswer:
        'Option B:\n\n```ts\nconst pool = createPool({ max: 10, idle: 30 })\n```\n\nWe measured the pool under three times peak load for an hour.',
    }
    expect(backgroundSentences(timeBomb, [timeBomb, other], analyzer)).toEqual([
      'We measured the pool under three times peak load for an hour.',
    ])
  })

  it('takes evenly spaced sentences up to its bound, the same ones every time', () => {
    const long: Question = {
      ...mystery,
      id: 'long',
      modelAnswer: Array.from(
        { length: 600 },
        (_, i) => `Sentence number ${i} talks about the cache and the queue.`,
      ).join(' '),
    }
    const background = backgroundSentences(timeBomb, [timeBomb, long], analyzer)
    expect(background).toHaveLength(MAX_BACKGROUND_SENTENCES)
    expect(background[1]).toContain('number 2 ')
    expect(backgroundSentences(timeBomb, [timeBomb, long], analyzer)).toEqual(background)
  })

  it('is empty when the bank holds no other question', () => {
    expect(backgroundSentences(timeBomb, [timeBomb], analyzer)).toEqual([])
  })
})

describe('stepBaselines', () => {
  const steps = buildQuestionProfile(timeBomb, [timeBomb], analyzer).steps
  const max = DEFAULT_COVERAGE_TUNING.maxActivities

  it('is zero for every feature without a background', () => {
    for (const b of stepBaselines(steps, timeBomb, [], analyzer, max)) {
      expect(b).toEqual({ recall: 0, exemplar: 0, activity: 0, section: 0 })
    }
  })

  it('is the mean of the features over the background', () => {
    const one = stepBaselines(steps, timeBomb, ['We load test the prototype first.'], analyzer, max)
    const two = stepBaselines(
      steps,
      timeBomb,
      ['We load test the prototype first.', 'Purple elephants dance.'],
      analyzer,
      max,
    )
    // The second sentence shares nothing with any step: the mean halves.
    one.forEach((b, j) => expect(two[j]!.recall).toBeCloseTo(b.recall / 2))
    expect(Math.max(...one.map((b) => b.recall))).toBeGreaterThan(0)
  })
})

describe('buildQuestionProfile', () => {
  it('gives each step its baseline from the rest of the bank', () => {
    const profile = buildQuestionProfile(timeBomb, bank, analyzer)
    for (const step of profile.steps) expect(step.baseline).toBeDefined()
    expect(profile.steps.some((s) => s.baseline!.section > 0)).toBe(true)
  })
})
