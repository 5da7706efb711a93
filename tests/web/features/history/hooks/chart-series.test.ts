import { describe, expect, it } from 'vitest'
import { buildChartData } from '../../../../../web/src/features/history/hooks/chart-series.js'
import { buildQuestionTrend } from '../../../../../web/src/features/history/hooks/question-trend.js'
import { attempt } from '../support/attempts.js'

describe('buildChartData', () => {
  it('charts one question only, oldest first, overall then each criterion, gaps kept', () => {
    const trend = buildQuestionTrend(
      [
        attempt('s2', 'q', 2, 6, { A: 5 }),
        attempt('s1', 'q', 1, 4, { A: 3, B: 2 }),
        attempt('s3', 'other', 3, 9, { A: 9 }),
      ],
      'q',
    )!
    const data = buildChartData(trend)
    expect(data.times).toEqual([
      Date.parse('2026-11-01T09:00:00.000Z') / 1000,
      Date.parse('2026-11-02T09:00:00.000Z') / 1000,
    ])
    expect(data.series).toEqual([
      { name: 'Overall', values: [4, 6] },
      { name: 'A', values: [3, 5] },
      { name: 'B', values: [2, null] },
    ])
  })
})
