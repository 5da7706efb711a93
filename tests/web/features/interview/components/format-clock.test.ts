import { describe, expect, it } from 'vitest'
import {
  describeClock,
  formatDuration,
} from '../../../../../web/src/features/interview/components/format-clock.js'

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [61_000, '1:01'],
    [3_723_000, '1:02:03'],
    [-5_000, '0:00'],
  ])('%i ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text))
})

describe('describeClock', () => {
  it('counts down with a limit and flags overtime', () => {
    expect(describeClock(0, 60_000, 45)).toEqual({
      label: 'Time left',
      text: '44:00',
      overtime: false,
    })
    expect(describeClock(0, 46 * 60_000, 45).overtime).toBe(true)
  })
  it('counts up without one', () => {
    expect(describeClock(0, 90_000, null)).toEqual({
      label: 'Elapsed',
      text: '1:30',
      overtime: false,
    })
  })
})
