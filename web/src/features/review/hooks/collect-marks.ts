import type { Grade } from '../../../shared/contract/session-contract.js'
import { quoteAnchorId, type QuoteMark } from './highlight-quotes.js'

/** Every evidence quote of a grade, grouped by the candidate turn it quotes. */
export function collectMarks(grade: Grade | null): Map<string, QuoteMark[]> {
  const marks = new Map<string, QuoteMark[]>()
  if (!grade) return marks
  const add = (group: 'criterion' | 'competency', list: Grade['criteria']) =>
    list.forEach((criterion, ci) =>
      criterion.evidence.forEach((e, qi) => {
        const forTurn = marks.get(e.turnId) ?? []
        forTurn.push({ id: quoteAnchorId(group, ci, qi), quote: e.quote })
        marks.set(e.turnId, forTurn)
      }),
    )
  add('criterion', grade.criteria)
  add('competency', grade.competencies)
  return marks
}
