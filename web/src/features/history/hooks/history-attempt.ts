import type { GradedAttempt } from './pick-weakest.js'

/** A named score of one graded session (a rubric criterion or a competency). */
export type NamedScore = { name: string; score: number }

/** One graded session as history reads it: which question, when, and every score it got. */
export type HistoryAttempt = GradedAttempt & {
  sessionId: string
  questionTitle: string
  overall: number
  criteria: NamedScore[]
}

/** Oldest first, ties by session id so the order is stable. */
export function oldestFirst<T extends { at: string; sessionId: string }>(attempts: T[]): T[] {
  return [...attempts].sort(
    (a, b) => a.at.localeCompare(b.at) || a.sessionId.localeCompare(b.sessionId),
  )
}

export const roundTenth = (n: number) => Math.round(n * 10) / 10
