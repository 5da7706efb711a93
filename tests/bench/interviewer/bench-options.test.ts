import { describe, expect, it } from 'vitest'
import { parseBenchOptions } from '../../../bench/interviewer/bench-options.js'

describe('parseBenchOptions --scripts', () => {
  it('runs the bench scripts and writes the report by default', () => {
    expect(parseBenchOptions([])).toMatchObject({ blind: false, labelledPick: null, write: true })
  })

  it('takes the held-out blind scripts, never writing the report with them', () => {
    expect(parseBenchOptions(['--scripts=blind'])).toMatchObject({
      blind: true,
      labelledPick: null,
      write: false,
    })
  })

  it('takes the labelled answers by choice number', () => {
    expect(parseBenchOptions(['--scripts=labelled:2'])).toMatchObject({
      blind: false,
      labelledPick: 2,
      write: false,
    })
  })

  it('refuses any other script set, so a typo is not a full run', () => {
    expect(() => parseBenchOptions(['--scripts=blindd'])).toThrow(/labelled:N or blind/)
  })
})
