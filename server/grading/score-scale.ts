/**
 * How much of the model answer's coverage the candidate reaches, both measured above chance:
 * soft word matching gives any text some coverage, more the longer it is, so "nothing relevant"
 * sits at the chance level for the candidate's length, not at 0 (like kappa corrects agreement
 * for chance). When the model answer itself is barely above chance the correction is unreliable
 * and the plain ratio is used.
 */
function coverageRatio(input: {
  candidateCoverage: number
  referenceCoverage: number
  candidateChance?: number
  referenceChance?: number
}): number {
  const reference = input.referenceCoverage - (input.referenceChance ?? 0)
  if (reference >= MIN_MARGIN_OVER_CHANCE) {
    return Math.max(0, input.candidateCoverage - (input.candidateChance ?? 0)) / reference
  }
  return input.referenceCoverage > 0 ? input.candidateCoverage / input.referenceCoverage : 0
}

/** Below this margin over chance the model answer's coverage is too close to noise to divide by. */
const MIN_MARGIN_OVER_CHANCE = 0.1

/**
 * Maps a candidate's coverage of a criterion onto 0-10, calibrated on the question itself.
 *
 * The bank states what its model answer is worth (e.g. 9/10). The model answer is also the
 * reference the grader compares against, so it sets the top of the coverage scale: whatever the
 * model answer covers of a criterion is "reference level", and reference level earns the stated
 * score. A candidate covering a share `ratio` of what the model answer covers earns that share
 * of the stated score (linear: half the reference's content, half its marks), capped at 10 for
 * answers that go beyond it. The same holds for discourse quality: prose as well-reasoned as the
 * model answer loses nothing, a keyword list loses almost everything. Coverage is counted above
the chance level for the text's length (see coverageRatio), so verbosity alone earns nothing.
 *
 * No per-question constant is fitted: the stated score enters only as the value of the
 * reference, so a model answer graded against itself gets exactly its stated score.
 */
export function scaleToStated(input: {
  candidateCoverage: number
  referenceCoverage: number
  /** Chance coverage for a text as long as the candidate's (0 when unknown). */
  candidateChance?: number
  /** Chance coverage for a text as long as the model answer. */
  referenceChance?: number
  candidateQuality: number
  referenceQuality: number
  /** The bank's stated score for the model answer, out of 10. */
  statedOutOf10: number
}): { score: number; ratio: number } {
  const ratio = coverageRatio(input)
  const quality =
    input.referenceQuality > 0 ? Math.min(1, input.candidateQuality / input.referenceQuality) : 0
  const score = Math.min(10, Math.max(0, input.statedOutOf10 * ratio * quality))
  return { score: Math.round(score * 10) / 10, ratio }
}
