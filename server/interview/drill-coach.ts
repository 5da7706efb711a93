import type { TextAnalyzer } from '../text/index.js'
import { quoteCandidate } from './candidate-quote.js'
import type { CoverageItem } from './coverage-map.js'
import type { DrillFocus } from './drill-focus.js'
import { FOLLOW_UP_TEMPLATES } from './follow-up-templates.js'
import { pickSeeded } from './seeded-choice.js'

export type DrillVerdict = 'solid' | 'partial' | 'missed'

/** The verdict on one drill answer, from how well it alone covers the focus. */
export function judgeDrillAnswer(focus: CoverageItem | null): DrillVerdict {
  if (!focus || focus.level === 'none') return 'missed'
  return focus.level === 'full' ? 'solid' : 'partial'
}

/** One line: the verdict and why, quoting the candidate where it helps. */
export function verdictLine(
  verdict: DrillVerdict,
  focus: DrillFocus,
  item: CoverageItem | null,
): string {
  const quote = quoteCandidate(item?.evidence)
  if (verdict === 'solid')
    return `Verdict: solid. That answer deals with ${focus.label.toLowerCase()} head on.`
  if (verdict === 'partial') {
    return quote
      ? `Verdict: partial. "${quote}" is on the right track, but it stays general.`
      : 'Verdict: partial. You are near it, but it stays general.'
  }
  return `Verdict: missed. That answer does not get to ${focus.label.toLowerCase()}.`
}

/** A part of the focus's public description is "addressed" when the answer covers this much of it. */
const ADDRESSED = 0.5

/**
 * A hint that agrees with the verdict and asks nothing (the turn's one question is the next
 * probe). After a solid answer: how to push further, never "your answer did not get to". After a
 * partial or missed one: a part of the focus's public description (the framework and
 * competencies are visible to the candidate) the answer did not address, or a general hint for
 * the focus's kind. Never content of the model answer.
 */
export function drillHint(input: {
  focus: DrillFocus
  verdict: DrillVerdict
  answer: string
  analyzer: TextAnalyzer
  seed: string
}): string {
  const general = pickSeeded(FOLLOW_UP_TEMPLATES[input.focus.kind].hints, input.seed)
  if (input.verdict === 'solid') return general.replace(/^Hint:\s*/, 'To push further: ')
  const parts = input.focus.description
    .split(/,|;|\band\b|\bor\b|\(|\)/)
    .map((p) =>
      p
        .trim()
        .replace(/^(can|do|are|does|will|would) you\s+/i, '')
        .replace(/[.?!:]+$/, ''),
    )
    .filter((p) => input.analyzer.tokens(p).length > 0)
  const missing = parts.find((p) => input.analyzer.coverage(input.answer, p).score < ADDRESSED)
  return missing ? `Hint: your answer did not get to "${missing}".` : general
}
