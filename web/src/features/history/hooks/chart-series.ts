import type { GradedAttempt } from './pick-weakest.js'

export type ChartData = {
  /** Seconds since the epoch, oldest first. */
  times: number[]
  series: Array<{ name: string; values: Array<number | null> }>
}

/**
 * Scores over time: the overall score, then each competency (the `maxCompetencies` most often
 * graded), one point per graded session; a competency not graded in a session is a gap.
 */
export function buildChartData(
  attempts: Array<GradedAttempt & { overall: number }>,
  maxCompetencies = 4,
): ChartData {
  const oldestFirst = [...attempts].sort((a, b) => a.at.localeCompare(b.at))
  const counts = new Map<string, number>()
  for (const a of oldestFirst)
    for (const c of a.competencies) counts.set(c.name, (counts.get(c.name) ?? 0) + 1)
  const names = [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, maxCompetencies)
    .map(([name]) => name)
  return {
    times: oldestFirst.map((a) => Math.floor(Date.parse(a.at) / 1000)),
    series: [
      { name: 'Overall', values: oldestFirst.map((a) => a.overall) },
      ...names.map((name) => ({
        name,
        values: oldestFirst.map((a) => a.competencies.find((c) => c.name === name)?.score ?? null),
      })),
    ],
  }
}
