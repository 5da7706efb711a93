import { describe, expect, it } from 'vitest'
import { countFigures } from '../../../server/grading/specific-details.js'

describe('countFigures', () => {
  it('counts distinct figures: numbers, percentages, percentiles, durations', () => {
    expect(
      countFigures([
        'Ramp 1%, 10%, 50% and 100%, watching p99 and p75 under 2.5 s.',
        'Again 1% first; a 15-minute window.',
      ]),
    ).toBe(8)
  })

  it('finds none in qualitative prose', () => {
    expect(countFigures(['We would roll out carefully and watch the errors.'])).toBe(0)
  })
})
