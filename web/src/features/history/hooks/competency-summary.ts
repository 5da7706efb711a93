import { oldestFirst, roundTenth, type HistoryAttempt } from './history-attempt.js'

export type CompetencySummary = {
  name: string
  /** How many graded sessions scored it, and on how many different questions. */
  sessions: number
  questions: number
  latest: number
  mean: number
  /** Latest minus the first score; null with a single session. */
  change: number | null
}

/**
 * Each competency across every question that tests it (a competency is a skill, so unlike the
 * overall score it compares across questions), weakest mean first.
 */
export function summarizeCompetencies(attempts: HistoryAttempt[]): CompetencySummary[] {
  const scores = new Map<string, Array<{ score: number; questionId: string }>>()
  for (const a of oldestFirst(attempts)) {
    for (const c of a.competencies) {
      const list = scores.get(c.name) ?? []
      list.push({ score: c.score, questionId: a.questionId })
      scores.set(c.name, list)
    }
  }
  return [...scores.entries()]
    .map(([name, list]) => ({
      name,
      sessions: list.length,
      questions: new Set(list.map((s) => s.questionId)).size,
      latest: list.at(-1)!.score,
      mean: roundTenth(list.reduce((sum, s) => sum + s.score, 0) / list.length),
      change: list.length > 1 ? roundTenth(list.at(-1)!.score - list[0]!.score) : null,
    }))
    .sort((x, y) => x.mean - y.mean || x.name.localeCompare(y.name))
}
