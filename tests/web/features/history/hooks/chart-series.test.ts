import { describe, expect, it } from 'vitest'
import { buildChartData } from '../../../../../web/src/features/history/hooks/chart-series.js'

describe('buildChartData', () => {
  it('orders points oldest first, overall first, gaps where a competency was not graded', () => {
    const data = buildChartData([
      {
        at: '2026-11-02T00:00:00.000Z',
        questionId: 'q',
        overall: 6,
        competencies: [{ name: 'B', score: 5 }],
      },
      {
        at: '2026-11-01T00:00:00.000Z',
        questionId: 'q',
        overall: 4,
        competencies: [
          { name: 'A', score: 3 },
          { name: 'B', score: 2 },
        ],
      },
    ])
    expect(data.times).toEqual([
      Date.parse('2026-11-01T00:00:00.000Z') / 1000,
      Date.parse('2026-11-02T00:00:00.000Z') / 1000,
    ])
    expect(data.series).toEqual([
      { name: 'Overall', values: [4, 6] },
      { name: 'B', values: [2, 5] },
      { name: 'A', values: [3, null] },
    ])
  })

  it('keeps the most often graded competencies', () => {
    const data = buildChartData(
      [
        {
          at: '2026-11-01T00:00:00.000Z',
          questionId: 'q',
          overall: 1,
          competencies: ['A', 'B', 'C'].map((name) => ({ name, score: 1 })),
        },
      ],
      2,
    )
    expect(data.series.map((s) => s.name)).toEqual(['Overall', 'A', 'B'])
  })
})
