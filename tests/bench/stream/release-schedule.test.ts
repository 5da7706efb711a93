import { describe, expect, it } from 'vitest'
import { createLeakGuard } from '../../../server/interview/leak-guard.js'
import { computeReleaseSchedule, summariseHolds } from '../../../bench/stream/release-schedule.js'

describe('computeReleaseSchedule', () => {
  it('counts, per token, the words a filter has let out so far', () => {
    // A filter that holds each word until the next token shows it ended.
    let held = ''
    const push = (t: string) => {
      const out = held
      held = t
      return out
    }
    expect(computeReleaseSchedule(['How', ' is', ' it?'], push)).toEqual([0, 1, 2])
  })

  it('is one word a token for text that passes straight through', () => {
    expect(computeReleaseSchedule(['a', ' b', ' c'], (t) => t)).toEqual([1, 2, 3])
  })

  it('follows the real leak guard: never ahead of the tokens, something held, all out by the end', () => {
    // The guard holds a word that could begin a 12-word copy of the model answer ("the" here).
    const guard = createLeakGuard(
      'the cache is warmed before traffic arrives at the service so the first users see no delay',
    )
    const schedule = computeReleaseSchedule(['Is', ' the', ' queue', ' full?'], (t) =>
      guard.push(t),
    )
    expect(schedule.every((words, k) => words <= k + 1)).toBe(true)
    // Never behind itself, something held on the way ("is" and "the" begin spans), all out by the
    // last token: this reply copies nothing. The exact steps are the guard's to choose.
    expect(schedule.every((words, k) => k === 0 || words >= schedule[k - 1]!)).toBe(true)
    expect(schedule.some((words, k) => words < k + 1)).toBe(true)
    expect(schedule.at(-1)).toBe(4)
  })
})

describe('summariseHolds', () => {
  it('reads the first release and the median hold, in tokens, off a schedule', () => {
    // Word 1 out with token 1 (held 1), word 2 with token 3 (held 2), words 3-4 with token 3.
    expect(summariseHolds([0, 1, 1, 4])).toEqual({ firstReleaseToken: 1, medianHoldTokens: 1 })
    expect(summariseHolds([1, 2, 3])).toEqual({ firstReleaseToken: 0, medianHoldTokens: 0 })
    expect(summariseHolds([0, 0, 3])).toEqual({ firstReleaseToken: 2, medianHoldTokens: 1 })
    expect(summariseHolds([0, 0])).toEqual({ firstReleaseToken: null, medianHoldTokens: null })
  })
})
