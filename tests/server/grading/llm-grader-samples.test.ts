import { describe, expect, it } from 'vitest'
import { median, mergeSamples } from '../../../server/grading/llm-grader-samples.js'
import { gradeReply } from './llm-grader-kit.js'

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 7, 8, 6])).toBe(6.5)
    expect(median([3])).toBe(3)
  })
})

describe('mergeSamples', () => {
  it('explains the median score with the words of the closest sample', () => {
    const low = gradeReply({ rootCause: 2 })
    low.criteria[0]!.rationale = 'low'
    const mid = gradeReply({ rootCause: 6 })
    mid.criteria[0]!.rationale = 'mid'
    const high = gradeReply({ rootCause: 9 })
    high.criteria[0]!.rationale = 'high'
    const merged = mergeSamples([low, high, mid])
    expect(merged.criteria[0]).toMatchObject({ score: 6, spread: 7, rationale: 'mid' })
  })

  it('takes the lower median coverage level per step', () => {
    const a = gradeReply()
    const b = gradeReply()
    b.framework[0] = { step: 1, coverage: 'none' }
    expect(mergeSamples([a, b]).framework.get(1)).toBe('none')
    expect(mergeSamples([a, b, a]).framework.get(1)).toBe('full')
  })
})
