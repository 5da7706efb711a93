import type { Grade } from '../../../shared/contract/session-contract.js'

export type CriterionChange = {
  name: string
  before: number | null
  after: number
  delta: number | null
}

/** Per criterion (and the overall), the change from an earlier attempt's grade to this one. */
export function compareGrades(
  earlier: Grade,
  later: Grade,
): { overall: number; criteria: CriterionChange[] } {
  const before = new Map(earlier.criteria.map((c) => [c.name, c.score]))
  return {
    overall: round(later.overall - earlier.overall),
    criteria: later.criteria.map((c) => {
      const was = before.get(c.name)
      return was === undefined
        ? { name: c.name, before: null, after: c.score, delta: null }
        : { name: c.name, before: was, after: c.score, delta: round(c.score - was) }
    }),
  }
}

const round = (n: number) => Math.round(n * 10) / 10
