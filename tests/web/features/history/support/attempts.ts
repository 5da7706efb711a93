import type { HistoryAttempt } from '../../../../../web/src/features/history/hooks/history-attempt.js'

/** A graded attempt for history tests: criteria and competencies as `{ name: score }`. */
export function attempt(
  sessionId: string,
  questionId: string,
  day: number,
  overall: number,
  criteria: Record<string, number>,
  competencies: Record<string, number> = {},
): HistoryAttempt {
  return {
    sessionId,
    questionId,
    questionTitle: `Title of ${questionId}`,
    at: `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    overall,
    criteria: Object.entries(criteria).map(([name, score]) => ({ name, score })),
    competencies: Object.entries(competencies).map(([name, score]) => ({ name, score })),
  }
}
