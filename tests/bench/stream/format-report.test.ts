import { describe, expect, it } from 'vitest'
import { formatSummaryTable } from '../../../bench/stream/format-report.js'
import type { SpeedRun } from '../../../bench/stream/speed-summary.js'
import { level, stats } from './fixtures/speed-levels.js'

describe('formatSummaryTable', () => {
  const run = (rssOpenMb: number): SpeedRun => ({
    tokensPerSec: 20,
    tokens: 150,
    rampMs: 7800,
    burst: null,
    firstSentenceWords: 14,
    rows: new Map([['sparring', [level(100, 5, stats(1500, 300, 310))]]]),
    open: new Map([['sparring', { clients: 500, rssBeforeMb: 300, rssOpenMb }]] as const),
  })

  it('gives memory per open session in KB when the sessions grew the RSS', () => {
    expect(formatSummaryTable([run(310)], 20)).toContain('| 20 KB (500 sessions) |')
  })

  it('says no RSS growth, not a negative size, when the RSS fell while they opened', () => {
    const table = formatSummaryTable([run(293)], 20)
    expect(table).toContain('| no RSS growth (500 sessions) |')
    expect(table).not.toMatch(/\| -\d+ KB/)
  })
})
