import { describe, expect, it } from 'vitest'
import type { CoverageItem, CoverageMap } from '../../../server/interview/coverage-map.js'
import { pickGap, pressingGap, touchedAt } from '../../../server/interview/gap-picker.js'
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
const map = (stepScores: number[], criteria = [0, 0, 0, 0]): CoverageMap => ({
  steps: stepScores.map((s, i) => item(`step:${i + 1}`, s)),
  criteria: criteria.map((s, i) => item(`criterion:${i + 1}`, s)),
  concepts: [],
})
const SUBSTANTIVE =
  'I would build a small prototype of the fan-out path, replay a day of traffic at three times the peak and compare the cost per million notifications of each option.'

describe('pickGap', () => {
  it('moves through the framework: untouched steps first, in order, before grazed ones', () => {
    const h = createEngineHarness(question)
    const base = { question, turns: h.turns, fullAt: 0.5 }
    expect(pickGap({ ...base, coverage: map([0.6, 0.3, 0.15, 0.6, 0.1, 0.6]) })).toMatchObject({
      target: 'step:3',
      kind: 'metrics',
    })
    // Step 2 is grazed (touched, short of partial), 3 and 5 untouched: 3 first, then 5, before
    // going back to 2.
    h.add('interviewer', 'follow-up', 'Which signals would you watch?', 'step:3')
    h.add('candidate', 'answer', 'Not sure, it depends.')
    expect(pickGap({ ...base, coverage: map([0.6, 0.3, 0.15, 0.6, 0.1, 0.6]) })?.target).toBe(
      'step:5',
    )
  })

  it('counts a step the map calls covered (partial) as dealt with, though short of full', () => {
    const base = { question, turns: [], fullAt: 0.5 }
    // Step 2 at 0.4 is partial by the map (the helper's levels): covered, no gap; step 3 at the
    // same score but level none (a map with other thresholds) stays one.
    const coverage = map([0.6, 0.4, 0.6, 0.6, 0.6, 0.6], [0.9, 0.9, 0.9, 0.9])
    expect(pickGap({ ...base, coverage })).toBeNull()
    coverage.steps[2] = { ...coverage.steps[2]!, score: 0.4, level: 'none' }
    expect(pickGap({ ...base, coverage })?.target).toBe('step:3')
  })

  it('never picks a step covered in full, nor the previous target, and skips what was skipped', () => {
    const h = createEngineHarness(question)
    h.add('interviewer', 'follow-up', 'What would you test?', 'step:2')
    const coverage = map([0.6, 0.0, 0.3, 0.6, 0.2, 0.6])
    const base = { question, turns: h.turns, fullAt: 0.5, coverage }
    // Steps 3 and 5 are both grazed: 5, with less evidence, first.
    expect(pickGap(base)?.target).toBe('step:5')
    expect(pickGap({ ...base, exclude: ['step:5'] })?.target).toBe('step:3')
  })

  it('counts a substantive reply to a question on X toward X, whatever its words', () => {
    const h = createEngineHarness(question)
    const coverage = map([0.6, 0.0, 0.0, 0.6, 0.6, 0.6])
    h.add('interviewer', 'follow-up', 'How would you validate it before you build it?', 'step:2')
    h.add('candidate', 'answer', SUBSTANTIVE)
    h.add('interviewer', 'follow-up', 'Which signals would you watch?', 'step:3')
    h.add('candidate', 'answer', 'Latency, mostly.')
    // Step 2 was answered with substance (its coverage map score is still 0): never again. Step
    // 3 got a thin reply and was just asked: nothing else is open, so the criteria come next.
    const gap = pickGap({ question, turns: h.turns, fullAt: 0.5, coverage })
    expect(gap?.target).toMatch(/^criterion:/)
    // Without the replies, step 2 would be the first gap.
    expect(pickGap({ question, turns: [], fullAt: 0.5, coverage })?.target).toBe('step:2')
  })

  it('counts the step a substantive answer was mainly about, whatever it replied to', () => {
    const coverage = map([0.25, 0.0, 0.0, 0.6, 0.6, 0.6])
    const base = { question, turns: [], fullAt: 0.5, coverage }
    // The opening answer dealt with step 1 (its topic), though the map only grazes it.
    expect(pickGap({ ...base, topics: ['step:1'] })?.target).toBe('step:2')
    expect(pickGap({ ...base, topics: ['step:1', 'step:2'] })?.target).toBe('step:3')
    // Without topics the grazed step 1 comes back once the untouched ones were asked.
    const h = createEngineHarness(question)
    h.add('interviewer', 'follow-up', 'How would you validate it?', 'step:2')
    h.add('candidate', 'answer', SUBSTANTIVE)
    h.add('interviewer', 'follow-up', 'Which signals would you watch?', 'step:3')
    h.add('candidate', 'answer', SUBSTANTIVE.replace('prototype', 'spike'))
    expect(pickGap({ ...base, turns: h.turns })?.target).toBe('step:1')
    expect(pickGap({ ...base, turns: h.turns, topics: ['step:1'] })?.target).toMatch(/^criterion:/)
  })

  it('asks about a target at most twice', () => {
    const h = createEngineHarness(question)
    const coverage = map([0.6, 0.0, 0.6, 0.6, 0.6, 0.6], [0.9, 0.9, 0.9, 0.9])
    for (const text of ['What would you test?', 'What would you prototype?']) {
      h.add('interviewer', 'follow-up', text, 'step:2')
      h.add('candidate', 'answer', 'No idea.')
      h.add('interviewer', 'follow-up', 'Which criterion?', 'criterion:1')
      h.add('candidate', 'answer', 'No idea.')
    }
    expect(pickGap({ question, turns: h.turns, fullAt: 0.5, coverage })).toBeNull()
  })

  it('moves to rubric criteria once every step is covered, and returns null when all are', () => {
    const allSteps = [0.9, 0.8, 0.7, 0.6, 0.55, 0.5]
    const base = { question, turns: [], fullAt: 0.5 }
    // "Intellectual Honesty" matches no step's kind: it is a gap of its own.
    expect(question.rubric[3]!.name).toBe('Intellectual Honesty')
    expect(pickGap({ ...base, coverage: map(allSteps, [0.9, 0.9, 0.9, 0.1]) })?.target).toBe(
      'criterion:4',
    )
    // "Quantified Costs" asks what the covered cost step answered: it shares that step's credit.
    expect(pickGap({ ...base, coverage: map(allSteps, [0.9, 0.1, 0.9, 0.9]) })).toBeNull()
    expect(pickGap({ ...base, coverage: map(allSteps, [0.9, 0.9, 0.9, 0.9]) })).toBeNull()
  })

  it('gives a criterion the credit of the step it restates, replies to questions on it included', () => {
    const h = createEngineHarness(question)
    h.add(
      'interviewer',
      'follow-up',
      'And if the choice proves wrong, what is your way back?',
      'step:6',
    )
    h.add('candidate', 'answer', SUBSTANTIVE)
    // Step 6 scored nothing by its words but was answered with substance; every other step and
    // criterion is covered. "Intellectual Honesty" (no step of its kind) is open...
    const coverage = map([0.9, 0.8, 0.7, 0.6, 0.55, 0.0], [0.9, 0.9, 0.9, 0.1])
    const base = { question, turns: h.turns, fullAt: 0.5 }
    expect(pickGap({ ...base, coverage })?.target).toBe('criterion:4')
    // ...until it is known to restate step 6: then it shares the reply's credit.
    coverage.criteria[3] = { ...coverage.criteria[3]!, restates: 'step:6' }
    expect(pickGap({ ...base, coverage })).toBeNull()
  })

  it('shares with a criterion the credit of the steps its text resembles, in proportion', () => {
    // "Intellectual Honesty" restates no single step, but its text leans on steps 4-6.
    const resembles = { 'step:4': 0.37, 'step:5': 0.21, 'step:6': 0.09, 'step:1': 0.05 }
    const h = createEngineHarness(question)
    h.add(
      'interviewer',
      'follow-up',
      'And if the choice proves wrong, what is your way back?',
      'step:6',
    )
    h.add('candidate', 'answer', SUBSTANTIVE)
    const base = { question, turns: h.turns, fullAt: 0.5 }
    // Step 6 was answered (its words scored nothing), every other step covered: nothing open.
    const covered = map([0.9, 0.8, 0.7, 0.6, 0.55, 0.0], [0.9, 0.9, 0.9, 0.1])
    covered.criteria[3] = { ...covered.criteria[3]!, resembles }
    expect(pickGap({ ...base, coverage: covered })).toBeNull()
    // With step 5, which it leans on, left untouched and already asked twice, it stays open.
    for (const text of ['When would you pivot?', 'What would make you reconsider?']) {
      h.add('interviewer', 'follow-up', text, 'step:5')
      h.add('candidate', 'answer', 'Hard to say.')
    }
    const open = map([0.9, 0.8, 0.7, 0.6, 0.0, 0.0], [0.9, 0.9, 0.9, 0.1])
    open.criteria[3] = { ...open.criteria[3]!, resembles: { 'step:5': 0.6, 'step:6': 0.05 } }
    expect(pickGap({ ...base, turns: h.turns, coverage: open })?.target).toBe('criterion:4')
  })

  it('asks the touched step with the least evidence first, untouched ones still in order', () => {
    const base = { question, turns: [], fullAt: 0.5 }
    // Steps 2 and 5 grazed (0.25 and 0.33 of a full 0.5, both short of partial), 3 and 6
    // untouched: 3, 6 in order first.
    const coverage = map([0.6, 0.33, 0.1, 0.6, 0.25, 0.15])
    expect(pickGap({ ...base, coverage })?.target).toBe('step:3')
    expect(pickGap({ ...base, coverage, exclude: ['step:3'] })?.target).toBe('step:6')
    // Among the grazed ones, step 5 (0.25) is the likelier gap than step 2 (0.33), though later.
    expect(pickGap({ ...base, coverage, exclude: ['step:3', 'step:6'] })?.target).toBe('step:5')
  })

  it('counts a score at the touched level as touched, to the map’s precision', () => {
    // 0.4 x 0.45 is 0.18000000000000002 in floating point; the map's 0.18 is at the level.
    expect(touchedAt(0.45)).toBe(0.18)
    const coverage = map([0.6, 0.18, 0.1, 0.6, 0.6, 0.6])
    expect(pickGap({ question, turns: [], fullAt: 0.45, coverage })?.target).toBe('step:3')
  })

  it('once nothing is left, presses on the item asked least, then covered least', () => {
    const h = createEngineHarness(question)
    h.add('interviewer', 'follow-up', 'What would you test?', 'step:2')
    h.add('candidate', 'answer', SUBSTANTIVE)
    const coverage = map([0.9, 0.5, 0.8, 0.9, 0.7, 0.9], [0.9, 0.9, 0.6, 0.9])
    const base = { question, turns: h.turns, coverage }
    expect(pickGap({ ...base, fullAt: 0.5 })).toBeNull()
    // Step 2 has the least evidence but was just asked; criterion 3 was never asked and is next.
    expect(pressingGap(base)?.target).toBe('criterion:3')
    h.add('interviewer', 'follow-up', 'What are the criteria?', 'criterion:3')
    h.add('candidate', 'answer', SUBSTANTIVE)
    expect(pressingGap({ ...base, turns: h.turns })?.target).toBe('step:5')
  })
})
