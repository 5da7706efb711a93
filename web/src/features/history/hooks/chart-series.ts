import type { QuestionTrend } from './question-trend.js'

export type ChartData = {
  /** Seconds since the epoch, oldest first. */
  times: number[]
  series: Array<{ name: string; values: Array<number | null> }>
}

/**
 * One question's attempts as chart series: the overall score, then each rubric criterion, one
 * point per attempt; a criterion not scored in an attempt is a gap. Only one question's
 * attempts, so a line never joins scores of different questions.
 */
export function buildChartData(trend: QuestionTrend): ChartData {
  return {
    times: trend.attempts.map((a) => Math.floor(Date.parse(a.at) / 1000)),
    series: trend.rows.map((row) => ({ name: row.name, values: row.scores })),
  }
}
