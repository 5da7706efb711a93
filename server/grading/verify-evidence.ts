import type { Evidence, GradableTranscript } from './grade-schema.js'
import { normaliseForQuote, stripQuoteWrapping } from './normalise-quote.js'

/** The most a criterion without verified evidence can score (issue 4: "cannot score above 3"). */
const MAX_SCORE_WITHOUT_EVIDENCE = 3

/** The parts of a criterion grade that verification reads and rewrites. */
export type GradeLikeCriterion = {
  evidence: Evidence[]
  score: number
  verdict: 'scored' | 'insufficient-evidence'
}

export type VerifiedEvidence<T extends GradeLikeCriterion> = {
  /** The criteria with only verbatim quotes left, capped and re-labelled where needed. */
  criteria: T[]
  /** How many quotes were dropped because they were not in the candidate turn they name. */
  dropped: number
}

/**
 * Checks every quote against the candidate turn it names: after normalising whitespace, curly
 * and straight quotes and case, the quote must be a substring of that turn. A quote naming an
 * interviewer turn, an unknown turn, or text the candidate did not say is dropped and counted.
 *
 * A criterion left without evidence scores at most 3. It becomes `insufficient-evidence` when
 * its quotes were all dropped (the grade rested on words the candidate never said) or when it
 * claimed more than 3 without any quote; a low score given without quotes stays `scored`, since
 * "the candidate never addressed this" needs no quote.
 */
export function verifyEvidence<T extends GradeLikeCriterion>(
  criteria: readonly T[],
  transcript: GradableTranscript,
): VerifiedEvidence<T> {
  const candidateTurns = new Map(
    transcript.turns
      .filter((t) => t.role === 'candidate')
      .map((t) => [t.id, normaliseForQuote(t.text)]),
  )
  let dropped = 0
  const verified = criteria.map((criterion) => {
    const kept: Evidence[] = []
    for (const e of criterion.evidence) {
      const unwrapped = stripQuoteWrapping(e.quote)
      const quote = normaliseForQuote(unwrapped)
      const turn = candidateTurns.get(e.turnId)
      if (turn !== undefined && quote.length > 0 && turn.includes(quote))
        kept.push({ ...e, quote: unwrapped })
      else dropped++
    }
    if (kept.length > 0) return { ...criterion, evidence: kept }
    const lostAll = criterion.evidence.length > 0
    const overclaimed = criterion.score > MAX_SCORE_WITHOUT_EVIDENCE
    return {
      ...criterion,
      evidence: kept,
      score: Math.min(criterion.score, MAX_SCORE_WITHOUT_EVIDENCE),
      verdict: lostAll || overclaimed ? ('insufficient-evidence' as const) : criterion.verdict,
    }
  })
  return { criteria: verified, dropped }
}
