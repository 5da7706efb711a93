import { oldestFirst, roundTenth, type HistoryAttempt } from './history-attempt.js'

/** One line of a question's trend: a score per attempt and its change from the attempt before. */
export type TrendRow = {
  name: string
  scores: Array<number | null>
  /** Against the previous attempt that scored it; null for the first or when not scored. */
  deltas: Array<number | null>
}

export type QuestionTrend = {
  questionId: string
  questionTitle: string
  /** The attempts of this question only, oldest first. */
  attempts: HistoryAttempt[]
  /** "Overall" first, then each rubric criterion in the order the newest grade lists them. */
  rows: TrendRow[]
}

/** The questions with graded attempts, the most recently attempted first. */
export function listTrendQuestions(
  attempts: HistoryAttempt[],
): Array<{ questionId: string; questionTitle: string; count: number }> {
  const byQuestion = new Map<
    string,
    { questionId: string; questionTitle: string; count: number; at: string }
  >()
  for (const a of attempts) {
    const entry = byQuestion.get(a.questionId) ?? {
      questionId: a.questionId,
      questionTitle: a.questionTitle,
      count: 0,
      at: a.at,
    }
    entry.count += 1
    if (a.at > entry.at) entry.at = a.at
    byQuestion.set(a.questionId, entry)
  }
  return [...byQuestion.values()]
    .sort((x, y) => y.at.localeCompare(x.at))
    .map(({ questionId, questionTitle, count }) => ({ questionId, questionTitle, count }))
}

/**
 * The attempts of one question over time, so a trend compares like with like: the overall
 * score and each rubric criterion per attempt, with the change from the attempt before.
 */
export function buildQuestionTrend(
  attempts: HistoryAttempt[],
  questionId: string,
): QuestionTrend | null {
  const own = oldestFirst(attempts.filter((a) => a.questionId === questionId))
  const newest = own.at(-1)
  if (!newest) return null
  const names = [...newest.criteria.map((c) => c.name)]
  for (const a of own) for (const c of a.criteria) if (!names.includes(c.name)) names.push(c.name)
  const row = (name: string, score: (a: HistoryAttempt) => number | null): TrendRow => {
    const scores = own.map(score)
    let previous: number | null = null
    const deltas = scores.map((s) => {
      const delta = s !== null && previous !== null ? roundTenth(s - previous) : null
      if (s !== null) previous = s
      return delta
    })
    return { name, scores, deltas }
  }
  return {
    questionId,
    questionTitle: newest.questionTitle,
    attempts: own,
    rows: [
      row('Overall', (a) => a.overall),
      ...names.map((name) =>
        row(name, (a) => a.criteria.find((c) => c.name === name)?.score ?? null),
      ),
    ],
  }
}
