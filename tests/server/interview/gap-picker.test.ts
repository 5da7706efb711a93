import { describe, expect, it } from 'vitest'
import type { CoverageItem, CoverageMap } from '../../../server/interview/coverage-map.js'
import { pickGap } from '../../../server/interview/gap-picker.js'
import type { QuestionProfile } from '../../../server/interview/question-profile.js'
import { createEngineHarness } from './fixtures/interview-context.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()
const item = (id: string, score: number): CoverageItem => ({
  id,
  label: id,
  score,
  level: score >= 0.5 ? 'full' : score >= 0.34 ? 'partial' : 'none',
  evidence: null,
})
const ref = (id: string, weight = 1) => ({
  id,
  label: id,
  text: id,
  exemplars: [],
  weight,
  cue: null,
})
const steps = (scores: number[]) => scores.map((s, i) => item(`step:${i + 1}`, s))
const profile = (weights: number[]): QuestionProfile => ({
  steps: weights.map((w, i) => ref(`step:${i + 1}`, w)),
  criteria: question.rubric.map((_, i) => ref(`criterion:${i + 1}`)),
  concepts: [],
})
const map = (stepScores: number[], criteria = [0, 0, 0, 0]): CoverageMap => ({
  steps: steps(stepScores),
  criteria: criteria.map((s, i) => item(`criterion:${i + 1}`, s)),
  concepts: [],
})

describe('pickGap', () => {
  const h = createEngineHarness(question)
  const base = { question, turns: h.turns, fullAt: 0.5 }

  it('picks the least covered step, weighted by rubric relevance', () => {
    const gap = pickGap({
      ...base,
      profile: profile([1, 1, 1, 1, 1, 1]),
      coverage: map([0.6, 0.1, 0.2, 0.6, 0.6, 0.6]),
    })
    expect(gap).toMatchObject({ target: 'step:2', kind: 'validation' })
    const weighted = pickGap({
      ...base,
      profile: profile([1, 1, 2, 1, 1, 1]),
      coverage: map([0.6, 0.1, 0.2, 0.6, 0.6, 0.6]),
    })
    expect(weighted.target).toBe('step:3')
  })

  it('never asks about the previous target twice in a row, and skips what was skipped', () => {
    h.add('interviewer', 'follow-up', 'What would you test?', 'step:2')
    const coverage = map([0.6, 0.0, 0.3, 0.6, 0.2, 0.6])
    expect(
      pickGap({ ...base, turns: h.turns, profile: profile([1, 1, 1, 1, 1, 1]), coverage }).target,
    ).toBe('step:5')
    const skipped = pickGap({
      ...base,
      turns: h.turns,
      profile: profile([1, 1, 1, 1, 1, 1]),
      coverage,
      exclude: ['step:5'],
    })
    expect(skipped.target).toBe('step:3')
  })

  it('moves to rubric criteria once every step is covered, then presses the weakest step', () => {
    const allSteps = [0.9, 0.8, 0.7, 0.6, 0.55, 0.5]
    const criterion = pickGap({
      ...base,
      turns: [],
      profile: profile([1, 1, 1, 1, 1, 1]),
      coverage: map(allSteps, [0.9, 0.1, 0.9, 0.9]),
    })
    expect(criterion.target).toBe('criterion:2')
    const weakest = pickGap({
      ...base,
      turns: [],
      profile: profile([1, 1, 1, 1, 1, 1]),
      coverage: map(allSteps, [0.9, 0.9, 0.9, 0.9]),
    })
    expect(weakest.target).toBe('step:6')
  })
})
