/** One graded session, reduced to what "drill my weakest" weighs. */
export type GradedAttempt = {
  questionId: string
  /** ISO time of the session, for recency. */
  at: string
  competencies: Array<{ name: string; score: number }>
}

export type WeakestArea = { name: string; questionId: string; weightedScore: number }

/**
 * The competency weakest across recent sessions: a recency-weighted mean of its scores, where
 * the newest session weighs 1 and each older one `decay` times the next newer (older sessions
 * count less). Only the `recent` newest sessions count. Ties go to the area seen most recently,
 * then by name, so the answer is stable. The drill runs on the newest question that tested it.
 */
export function pickWeakest(
  attempts: GradedAttempt[],
  options: { decay?: number; recent?: number } = {},
): WeakestArea | null {
  const { decay = 0.7, recent = 10 } = options
  const newestFirst = [...attempts].sort((a, b) => b.at.localeCompare(a.at)).slice(0, recent)
  const totals = new Map<
    string,
    { sum: number; weight: number; questionId: string; rank: number }
  >()
  newestFirst.forEach((attempt, rank) => {
    const weight = decay ** rank
    for (const { name, score } of attempt.competencies) {
      const total = totals.get(name) ?? { sum: 0, weight: 0, questionId: attempt.questionId, rank }
      total.sum += score * weight
      total.weight += weight
      totals.set(name, total)
    }
  })
  let weakest: (WeakestArea & { rank: number }) | null = null
  for (const [name, t] of totals) {
    const candidate = {
      name,
      questionId: t.questionId,
      weightedScore: t.sum / t.weight,
      rank: t.rank,
    }
    if (!weakest || isWeaker(candidate, weakest)) weakest = candidate
  }
  return (
    weakest && {
      name: weakest.name,
      questionId: weakest.questionId,
      weightedScore: round(weakest.weightedScore),
    }
  )
}

type Ranked = WeakestArea & { rank: number }

function isWeaker(a: Ranked, b: Ranked): boolean {
  const diff = a.weightedScore - b.weightedScore
  if (Math.abs(diff) > 1e-9) return diff < 0
  if (a.rank !== b.rank) return a.rank < b.rank
  return a.name.localeCompare(b.name) < 0
}

const round = (n: number) => Math.round(n * 100) / 100
