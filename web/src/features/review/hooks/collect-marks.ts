import type { CriterionGrade } from '../../../shared/contract/session-contract.js'
import type { QuoteToMark } from '../../../shared/markdown/rehype-mark-quotes.js'
import type { ReviewSections } from './review-sections.js'

/** A stable DOM id for evidence quote `index` of criterion `criterionIndex` in `group`. */
export function quoteAnchorId(
  group: 'criterion' | 'competency',
  criterionIndex: number,
  index: number,
): string {
  return `evidence-${group}-${criterionIndex}-${index}`
}

/**
 * Every evidence quote of the review's lists, grouped by the candidate turn it quotes. It reads
 * the same lists the review shows, so each quote's anchor id matches its button.
 */
export function collectMarks(sections: ReviewSections | null): Map<string, QuoteToMark[]> {
  const marks = new Map<string, QuoteToMark[]>()
  if (!sections) return marks
  const add = (group: 'criterion' | 'competency', list: CriterionGrade[]) =>
    list.forEach((criterion, ci) =>
      criterion.evidence.forEach((e, qi) => {
        const forTurn = marks.get(e.turnId) ?? []
        forTurn.push({ id: quoteAnchorId(group, ci, qi), quote: e.quote })
        marks.set(e.turnId, forTurn)
      }),
    )
  add('criterion', sections.criteria)
  add('competency', sections.competencies)
  return marks
}
