import type { IgnoredClaim } from './grade-schema.js'

/**
 * Points off every criterion of an answer that addresses the grader (claims a score, says the
 * criteria are met, poses as the system or the author). The claims themselves are cut before
 * grading and earn nothing (claims-filter.ts); a demanding interviewer would also hold the
 * attempt against the candidate, so such an answer ends below the same answer told straight,
 * whichever grader reads it. Fixed, not fitted.
 */
export const CLAIMS_PENALTY = 0.5

/** The points an answer loses to its ignored claims: the penalty once, however many there are. */
export function claimsPenalty(ignored: readonly IgnoredClaim[]): number {
  return ignored.length > 0 ? CLAIMS_PENALTY : 0
}

/** Takes the claims penalty off a score out of 10, never below 0, to one decimal. */
export function lessClaimsPenalty(score: number, ignored: readonly IgnoredClaim[]): number {
  return Math.round(Math.max(0, score - claimsPenalty(ignored)) * 10) / 10
}

/**
 * Takes the claims penalty off every score of a set of grades. Applied last, after evidence is
 * verified (a criterion without evidence is capped first), so the penalty always costs its full
 * amount above 0.
 */
export function penaliseClaims<G extends { score: number }, T extends { criteria: G[] }>(
  graded: T,
  ignored: readonly IgnoredClaim[],
): T {
  if (ignored.length === 0) return graded
  return {
    ...graded,
    criteria: graded.criteria.map((g) => ({ ...g, score: lessClaimsPenalty(g.score, ignored) })),
  }
}

/** The review's note on ignored claims, for the gaps of a grade. */
export function ignoredClaimsNote(ignored: readonly IgnoredClaim[]): string {
  const n = ignored.length
  return `${n} passage${n === 1 ? '' : 's'} addressed to the grader instead of the question (claiming a score or that criteria are met) ${n === 1 ? 'was' : 'were'} ignored: they earn nothing, and the attempt cost ${CLAIMS_PENALTY} of a point on every criterion.`
}
