import { describe, expect, it } from 'vitest'
import {
  FITTABLE_SET_NAMES,
  SHIPPED_FIT_SETS,
  folderList,
  isHeldOutSet,
} from '../../../bench/transcripts-bench/transcript-sets.js'

describe('transcript sets', () => {
  // Pooled with fresh, the held-out figures fell on dev and did not rise on fresh: dev alone ships.
  it('ships the scale fitted on dev alone, fresh fittable for the comparison', () => {
    expect(SHIPPED_FIT_SETS).toEqual(['dev'])
    expect(FITTABLE_SET_NAMES).toEqual(['dev', 'fresh'])
  })

  // fresh2 is a blind set: no run may fit on it.
  it('never lets fresh2 be fitted on', () => {
    expect(FITTABLE_SET_NAMES).not.toContain('fresh2')
    expect(isHeldOutSet('fresh2')).toBe(true)
  })

  // fresh3, the third blind set, likewise stays a test set.
  it('never lets fresh3 be fitted on', () => {
    expect(FITTABLE_SET_NAMES).not.toContain('fresh3')
    expect(isHeldOutSet('fresh3')).toBe(true)
  })

  it('holds out a set only when it is not fitted on', () => {
    expect(isHeldOutSet('fresh')).toBe(true)
    expect(isHeldOutSet('fresh', ['dev', 'fresh'])).toBe(false)
    expect(isHeldOutSet('dev')).toBe(false)
  })

  it('names the folders of the sets in their own order', () => {
    expect(folderList(['fresh', 'dev'])).toBe('bench/transcripts and bench/transcripts-fresh')
    expect(folderList(['dev'])).toBe('bench/transcripts')
  })
})
