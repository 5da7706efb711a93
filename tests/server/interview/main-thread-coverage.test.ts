import { describe, expect, it } from 'vitest'
import type { CoverageTracker } from '../../../server/interview/coverage-tracker.js'
import { createMainThreadCoverage } from '../../../server/interview/main-thread-coverage.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()
const empty = { map: { steps: [], criteria: [], concepts: [] }, focus: null }

describe('createMainThreadCoverage', () => {
  it('computes one map per event-loop turn, so other callbacks run between them', async () => {
    const order: string[] = []
    const tracker: CoverageTracker = {
      profile: () => ({ steps: [], criteria: [], concepts: [] }),
      topicOf: () => null,
      snapshot: (_q, answers) => {
        order.push(`map:${answers[0]}`)
        // Queued while a map is computed: must run before the next map.
        setImmediate(() => order.push(`io after ${answers[0]}`))
        return empty
      },
    }
    const coverage = createMainThreadCoverage(tracker)
    const all = ['a', 'b', 'c'].map((a) => coverage.snapshot(question, [a], null))
    expect(order).toEqual([])
    await Promise.all(all)
    await new Promise((resolve) => setImmediate(resolve))
    expect(order).toEqual(['map:a', 'io after a', 'map:b', 'io after b', 'map:c', 'io after c'])
  })

  it('passes a failure to its caller only', async () => {
    let calls = 0
    const tracker: CoverageTracker = {
      profile: () => ({ steps: [], criteria: [], concepts: [] }),
      topicOf: () => null,
      snapshot: () => {
        calls += 1
        if (calls === 1) throw new Error('broken')
        return empty
      },
    }
    const coverage = createMainThreadCoverage(tracker)
    const first = coverage.snapshot(question, ['x'], null)
    const second = coverage.snapshot(question, ['y'], null)
    await expect(first).rejects.toThrow('broken')
    await expect(second).resolves.toEqual(empty)
  })
})
