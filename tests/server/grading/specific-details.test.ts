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

  // A storyteller or a speech transcript spells its figures; "one" alone is a pronoun as often.
  it('counts figures said in words, a run of number words as one', () => {
    expect(countFigures(['Fifty million a year with ten people, and the one that failed.'])).toBe(2)
    expect(countFigures(['A million and a half, or twenty-five seconds, two days to nine.'])).toBe(
      4,
    )
    expect(countFigures(['Hundreds of them, often; the one and only.'])).toBe(0)
  })

  it('finds none in qualitative prose', () => {
    expect(countFigures(['We would roll out carefully and watch the errors.'])).toBe(0)
  })
})
