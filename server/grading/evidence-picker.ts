import type { CandidateSentence } from './candidate-sentences.js'
import type { Evidence } from './grade-schema.js'

/** At most this many quotes per criterion: the best-supported, not a dump of the transcript. */
const MAX_QUOTES = 2
/** A sentence needs this many words to say something (fragments like "Yes." are no evidence). */
const MIN_WORDS = 4
/** A quote must match at least this many of the reference's content words to count as evidence... */
const MIN_MATCHED_TERMS = 2
/** ...and share at least one exact stem with the reference, not only kindred words. */
const MIN_EXACT_TERMS = 1
/**
 * A quote's support must reach this share of the most a sentence could have (each of its four
 * parts at its best): half, as the share of the best-covering sentence it replaces.
 */
const MIN_SUPPORT = 0.5

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
 * The candidate sentences that support each of a group of criteria (a question's rubric, or its
 * competencies), most specific first. A sentence's support for a criterion adds what it covers of
 * the criterion's reference (`matchOf`: its description and the model answer's sentences on it)
 * and of its description alone (`describe`), each relative to the answer's best sentence on it,
 * plus the same mean over the sentences of its turn: a turn mostly answers one question, so a
 * sentence that names the point in passing ("and lets us measure adoption") is read with the
 * sentences around it. A sentence ranks for a criterion by how far its support for it exceeds its
 * support for any other criterion of the group, so the sentence about Deprecation headers and the
 * migration guide is the communication plan's evidence and not the monitoring's, and one summary
 * is not the evidence of every criterion. Chosen on the evidence labels of questions 1-7
 * (bench/feedback-labels.txt); quotes not about their criterion, held out (questions 8-15): 51%
 * with the reference alone and the mean of the others, 37% so (npm run bench:feedback). Quotes
 * are whole sentences copied from the turn, so they are verbatim.
 */
export function rankEvidence(
  sentences: readonly CandidateSentence[],
  criteria: number,
  matchOf: (sentence: number, criterion: number) => SentenceMatch,
  describe: (sentence: number, criterion: number) => number,
): Evidence[][] {
  const rows = sentences.flatMap((s, k) =>
    s.text.split(/\s+/).length >= MIN_WORDS
      ? [
          {
            s,
            matches: Array.from({ length: criteria }, (_, t) => matchOf(k, t)),
            described: Array.from({ length: criteria }, (_, t) => describe(k, t)),
          },
        ]
      : [],
  )
  const targets = Array.from({ length: criteria }, (_, t) => t)
  const bestRef = targets.map((t) => Math.max(1e-6, ...rows.map((r) => r.matches[t]!.score)))
  const bestDesc = targets.map((t) => Math.max(1e-6, ...rows.map((r) => r.described[t]!)))
  const own = rows.map((r) =>
    targets.map((t) => r.matches[t]!.score / bestRef[t]! + r.described[t]! / bestDesc[t]!),
  )
  const turnMean = new Map<string, number[]>()
  for (const turnId of new Set(rows.map((r) => r.s.turnId))) {
    const members = own.filter((_, i) => rows[i]!.s.turnId === turnId)
    turnMean.set(
      turnId,
      targets.map((t) => members.reduce((sum, m) => sum + m[t]!, 0) / members.length),
    )
  }
  const support = own.map((o, i) =>
    targets.map((t) => o[t]! + turnMean.get(rows[i]!.s.turnId)![t]!),
  )
  // Each part is at most 1 for the best sentence: four parts, so at most 4.
  const floor = 4 * MIN_SUPPORT
  return targets.map((t) => {
    // Whether a criterion has evidence at all is the reference's rule alone, as before: it moves
    // the criterion's score (verify-evidence.ts caps one without), and this ranking is about
    // which sentences to quote, not about the score. Given evidence, the quotes are the most
    // specific of the sentences well supported for the criterion.
    const ranked = rows.map((row, i) => ({
      row,
      i,
      support: support[i]![t]!,
      specificity:
        support[i]![t]! -
        Math.max(-Infinity, ...targets.filter((o) => o !== t).map((o) => support[i]![o]!)),
    }))
    const eligible = ranked.filter(
      (e) =>
        e.row.matches[t]!.exact >= MIN_EXACT_TERMS &&
        e.row.matches[t]!.matched >= MIN_MATCHED_TERMS,
    )
    if (eligible.length === 0) return []
    const supported = ranked.filter((e) => e.row.matches[t]!.matched >= 1 && e.support >= floor)
    return (supported.length > 0 ? supported : eligible)
      .sort((a, b) => b.specificity - a.specificity || a.i - b.i)
      .slice(0, MAX_QUOTES)
      .map(({ row }) => ({ turnId: row.s.turnId, quote: row.s.text }))
  })
}
