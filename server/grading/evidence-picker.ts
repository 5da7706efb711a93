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

/** How one candidate sentence meets one criterion's reference. */
export type SentenceMatch = {
  /** Share of the reference's content terms the sentence reaches (soft coverage), in [0, 1]. */
  score: number
  /** Reference terms the sentence matches (similarity >= 0.5). */
  matched: number
  /** Reference terms whose very stem the sentence uses. */
  exact: number
}

/**
 * The candidate sentences that support each of a question's criteria, most specific first: a
 * sentence ranks for a criterion by how much more of that criterion's reference it covers than
 * of the others', so a sentence that touches everything (a summary, a list of the rubric's
 * words) does not become the evidence of every criterion, and each criterion quotes what the
 * candidate said about it. A quote must match enough of the criterion's words and cover at least
 * half as much as its best-covering sentence. Quotes are whole sentences copied from the turn,
 * so they are verbatim. `matchOf(k, t)` says how sentence k meets criterion t.
 */
export function rankEvidence(
  sentences: readonly CandidateSentence[],
  criteria: number,
  matchOf: (sentence: number, criterion: number) => SentenceMatch,
): Evidence[][] {
  const rows = sentences.flatMap((s, k) =>
    s.text.split(/\s+/).length >= MIN_WORDS
      ? [{ s, matches: Array.from({ length: criteria }, (_, t) => matchOf(k, t)) }]
      : [],
  )
  return Array.from({ length: criteria }, (_, t) => {
    const eligible = rows
      .map((row, i) => ({ row, i, own: row.matches[t]! }))
      .filter(({ own }) => own.exact >= MIN_EXACT_TERMS && own.matched >= MIN_MATCHED_TERMS)
    const best = Math.max(0, ...eligible.map((e) => e.own.score))
    return eligible
      .filter((e) => e.own.score >= best * MIN_SHARE_OF_BEST)
      .map((e) => ({ ...e, specificity: e.own.score - meanOfOthers(e.row.matches, t) }))
      .sort((a, b) => b.specificity - a.specificity || b.own.score - a.own.score || a.i - b.i)
      .slice(0, MAX_QUOTES)
      .map(({ row }) => ({ turnId: row.s.turnId, quote: row.s.text }))
  })
}

function meanOfOthers(matches: readonly SentenceMatch[], t: number): number {
  if (matches.length <= 1) return 0
  const sum = matches.reduce((acc, c, i) => (i === t ? acc : acc + c.score), 0)
  return sum / (matches.length - 1)
}
