import { describe, expect, it } from 'vitest'
import { createCoverageTracker, topicIn } from '../../../server/interview/coverage-tracker.js'
import { createTextAnalyzer, type TextAnalyzer } from '../../../server/text/index.js'
import { editedQuestion } from './fixtures/edited-question.js'
import { FIXTURE_QUESTION_IDS, loadFixtureQuestion } from './fixtures/load-question.js'

const questions = FIXTURE_QUESTION_IDS.map((id) => loadFixtureQuestion(id))
const question = questions[0]!
const ANSWER =
  'Then I would load test the monolith at three times peak and watch p95 latency and the pool.'

/** The real analyzer, counting every call made to it. */
function countingAnalyzer(): { analyzer: TextAnalyzer; calls: () => number } {
  const real = createTextAnalyzer()
  let calls = 0
  const analyzer = new Proxy(real, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls++
        return Reflect.apply(value, target, args)
      }
    },
  })
  return { analyzer, calls: () => calls }
}

describe('createCoverageTracker, topicOf', () => {
  it('works an answer topic out once: asking again on a later turn does no text analysis', () => {
    const { analyzer, calls } = countingAnalyzer()
    const tracker = createCoverageTracker({ questions, analyzer })
    const first = tracker.topicOf(question, ANSWER)
    const before = calls()
    expect(before).toBeGreaterThan(0)
    expect(tracker.topicOf(question, ANSWER)).toBe(first)
    expect(calls()).toBe(before)
  })

  it('gives the same topics as a fresh tracker, for each bar', () => {
    const tracker = createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
    const bars = [undefined, 0, 0.99]
    const asked = bars.map((bar) => tracker.topicOf(question, ANSWER, bar))
    bars.forEach((bar, i) => {
      const fresh = createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
      expect(asked[i]).toBe(fresh.topicOf(question, ANSWER, bar))
      // Asked again from the cache, at this bar, not another bar's answer.
      expect(tracker.topicOf(question, ANSWER, bar)).toBe(asked[i])
    })
    expect(asked[1]).not.toBeNull()
    expect(asked[2]).toBeNull()
  })

  // A sentence whose best step is already dealt with counts for its best step among the others.
  it('leaves the skipped steps out: the best of the others, cached apart from the plain topic', () => {
    const tracker = createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
    // Scored 0.56 on the early warning metrics (step 3), 0.40 on the prototype (step 2).
    const MIXED =
      'I would prototype it and watch deploy frequency and merge queue wait as early warning metrics.'
    expect(tracker.topicOf(question, MIXED, 0.18)).toBe('step:3')
    expect(tracker.topicOf(question, MIXED, 0.18, ['step:3'])).toBe('step:2')
    expect(tracker.topicOf(question, MIXED, 0.18)).toBe('step:3')
    const all = question.framework.steps.map((s) => `step:${s.number}`)
    expect(tracker.topicOf(question, MIXED, 0, all)).toBeNull()
  })

  // A sentence that did one step only scores a little on the others: none of them is taken.
  it('takes no step scored under half the best one in its place, whatever the bar', () => {
    const tracker = createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
    // Scored 0.91 on the prototype (step 2), 0.07 on the early warning metrics (step 3).
    expect(tracker.topicOf(question, ANSWER, 0)).toBe('step:2')
    expect(tracker.topicOf(question, ANSWER, 0, ['step:2'])).toBeNull()
  })
})

describe('topicIn, with steps to skip', () => {
  const steps = (...scores: number[]) => scores.map((score, i) => ({ id: `step:${i + 1}`, score }))

  // Candidates move forward through the framework, and the map often scores a sentence on a step
  // a little higher on the step after it ("bump the pool size": mitigation 0.22, verification 0.23).
  it("takes the framework's earliest step near the best of the others", () => {
    expect(topicIn(steps(0.4, 0.22, 0.23), 0.18, ['step:1'])).toBe('step:2')
    // Not one far below it.
    expect(topicIn(steps(0.4, 0.21, 0.4), 0.18, ['step:1'])).toBe('step:3')
  })

  it('takes none under the bar or under half the best step', () => {
    expect(topicIn(steps(0.5, 0.17, 0.1), 0.18, ['step:1'])).toBeNull()
    expect(topicIn(steps(0.9, 0.3, 0.1), 0.18, ['step:1'])).toBeNull()
  })

  it('is the best step when nothing is skipped', () => {
    expect(topicIn(steps(0.22, 0.23), 0.18, [])).toBe('step:2')
  })
})

describe('createCoverageTracker, an edited question', () => {
  const edited = editedQuestion(question)

  it('is built afresh, not served what the old text gave under the same id', () => {
    // Before, profiles, restated steps, passage scores and topics were all keyed by the id.
    const tracker = createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
    const old = tracker.snapshot(question, [ANSWER], null)
    const oldTopic = tracker.topicOf(question, ANSWER)
    const fresh = createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
    const expected = fresh.snapshot(edited, [ANSWER], null)
    // The edit changes what the answer covers, so a stale cache would show.
    expect(expected).not.toEqual(old)
    expect(fresh.topicOf(edited, ANSWER)).not.toBe(oldTopic)
    expect(tracker.snapshot(edited, [ANSWER], null)).toEqual(expected)
    expect(tracker.topicOf(edited, ANSWER)).toBe(fresh.topicOf(edited, ANSWER))
  })

  it('shares the cache with an unchanged copy of the question', () => {
    const tracker = createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
    expect(tracker.profile(structuredClone(question))).toBe(tracker.profile(question))
  })
})
