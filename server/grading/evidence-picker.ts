import type { Coverage, TextAnalyzer } from '../text/text-analyzer.js'
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
/** A quote must cover at least this share of what the best-covering sentence covers. */
const MIN_SHARE_OF_BEST = 0.5

/**
 * The candidate sentences that support each of a question's criteria (references in the same
 * order), most specific first: a sentence ranks for a criterion by how much more of that
 * criterion's reference it covers than of the others', so a sentence that touches everything
 * (a summary, a list of the rubric's words) does not become the evidence of every criterion,
 * and each criterion quotes what the candidate said about it. A quote must match enough of the
 * criterion's words and cover at least half as much as its best-covering sentence. Quotes are
 * whole sentences copied from the turn, so they are verbatim.
 */
export function pickEvidenceByCriterion(
  analyzer: TextAnalyzer,
  sentences: readonly CandidateSentence[],
  references: readonly string[],
  demote = '',
): Evidence[][] {
  const demoted = new Set(analyzer.terms(demote).map((t) => t.stem))
  const stemsOf = (text: string) => new Set(analyzer.terms(text).map((t) => t.stem))
  const referenceStems = references.map((r) => [...stemsOf(r)].filter((s) => !demoted.has(s)))
  const usable = sentences.filter((s) => s.text.split(/\s+/).length >= MIN_WORDS)
  // One coverage per (sentence, criterion): the matrix every criterion's ranking reads.
  const rows = usable.map((s) => {
    const stems = stemsOf(s.text)
    return {
      s,
      exact: referenceStems.map((ref) => ref.filter((stem) => stems.has(stem)).length),
      coverage: references.map((r) => analyzer.coverage(s.text, r, { demote })),
    }
  })
  return references.map((_, t) => {
    const eligible = rows
      .map((row, i) => ({ row, i, own: row.coverage[t]! }))
      .filter(
        ({ row, own }) =>
          row.exact[t]! >= MIN_EXACT_TERMS && own.matchedTerms.length >= MIN_MATCHED_TERMS,
      )
    const best = Math.max(0, ...eligible.map((e) => e.own.score))
    return eligible
      .filter((e) => e.own.score >= best * MIN_SHARE_OF_BEST)
      .map((e) => ({ ...e, specificity: e.own.score - meanOfOthers(e.row.coverage, t) }))
      .sort((a, b) => b.specificity - a.specificity || b.own.score - a.own.score || a.i - b.i)
      .slice(0, MAX_QUOTES)
      .map(({ row }) => ({ turnId: row.s.turnId, quote: row.s.text }))
  })
}

function meanOfOthers(coverage: readonly Coverage[], t: number): number {
  if (coverage.length <= 1) return 0
  const sum = coverage.reduce((acc, c, i) => (i === t ? acc : acc + c.score), 0)
  return sum / (coverage.length - 1)
}

/** The evidence of one criterion on its own (no other criteria to be specific against). */
export function pickEvidence(
  analyzer: TextAnalyzer,
  sentences: readonly CandidateSentence[],
  reference: string,
  demote = '',
): Evidence[] {
  return pickEvidenceByCriterion(analyzer, sentences, [reference], demote)[0]!
}
