import type { HistoryAttempt } from './history-attempt.js'

export type WeakCriterion = {
  questionId: string
  questionTitle: string
  name: string
  /** Recency-weighted mean over the sessions of its question that scored it. */
  score: number
  sessions: number
}

/**
 * The weakest rubric criteria across all sessions. A criterion belongs to its question, so each
 * is weighed over that question's attempts, the newest weighing 1 and each older `decay` times
 * the next newer (as "drill my weakest" weighs competencies): a criterion already fixed in the
 * latest attempt climbs out of the list. Ties go to the newer question, then by name.
 */
export function pickWeakestCriteria(
  attempts: HistoryAttempt[],
  options: { limit?: number; decay?: number } = {},
): WeakCriterion[] {
  const { limit = 5, decay = 0.7 } = options
  const newestFirst = [...attempts].sort((a, b) => b.at.localeCompare(a.at))
  const totals = new Map<string, WeakCriterion & { sum: number; weight: number; rank: number }>()
  const seenPerQuestion = new Map<string, number>()
  newestFirst.forEach((attempt, rank) => {
    const age = seenPerQuestion.get(attempt.questionId) ?? 0
    seenPerQuestion.set(attempt.questionId, age + 1)
    const weight = decay ** age
    for (const { name, score } of attempt.criteria) {
      const key = `${attempt.questionId}\u0000${name}`
      const total = totals.get(key) ?? {
        questionId: attempt.questionId,
        questionTitle: attempt.questionTitle,
        name,
        score: 0,
        sessions: 0,
        sum: 0,
        weight: 0,
        rank,
      }
      total.sum += score * weight
      total.weight += weight
      total.sessions += 1
      totals.set(key, total)
    }
  })
  return [...totals.values()]
    .map((t) => ({ ...t, score: Math.round((t.sum / t.weight) * 10) / 10 }))
    .sort((a, b) => a.score - b.score || a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ questionId, questionTitle, name, score, sessions }) => ({
      questionId,
      questionTitle,
      name,
      score,
      sessions,
    }))
}
