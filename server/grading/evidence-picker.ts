import type { TextAnalyzer } from '../text/text-analyzer.js'
import type { CandidateSentence } from './candidate-sentences.js'
import type { Evidence } from './grade-schema.js'

/** At most this many quotes per criterion: the best-supported, not a dump of the transcript. */
const MAX_QUOTES = 2
/** A quote must match at least this many of the reference's content words to count as evidence. */
const MIN_MATCHED_TERMS = 2
/** A sentence needs this many words to say something (fragments like "Yes." are no evidence). */
const MIN_WORDS = 4
/** ...and must share at least one exact stem with the reference, not only kindred words. */
const MIN_EXACT_TERMS = 1

/**
 * The candidate sentences that best support a criterion: ranked by how much of the criterion's
 * reference they cover, kept when they match enough of its words and at least half as much as
 * the best one. Quotes are whole sentences copied from the turn, so they are verbatim.
 */
export function pickEvidence(
  analyzer: TextAnalyzer,
  sentences: readonly CandidateSentence[],
  reference: string,
  demote = '',
): Evidence[] {
  const demoted = new Set(analyzer.terms(demote).map((t) => t.stem))
  const referenceStems = new Set(
    analyzer
      .terms(reference)
      .map((t) => t.stem)
      .filter((s) => !demoted.has(s)),
  )
  const exact = (text: string) =>
    analyzer.terms(text).filter((t) => referenceStems.has(t.stem)).length
  const ranked = sentences
    .filter((s) => s.text.split(/\s+/).length >= MIN_WORDS && exact(s.text) >= MIN_EXACT_TERMS)
    .map((s, i) => ({ s, i, coverage: analyzer.coverage(s.text, reference, { demote }) }))
    .filter((r) => r.coverage.matchedTerms.length >= MIN_MATCHED_TERMS)
    .sort((a, b) => b.coverage.score - a.coverage.score || a.i - b.i)
  const best = ranked[0]?.coverage.score ?? 0
  return ranked
    .filter((r) => r.coverage.score >= best / 2)
    .slice(0, MAX_QUOTES)
    .map((r) => ({ turnId: r.s.turnId, quote: r.s.text }))
}
