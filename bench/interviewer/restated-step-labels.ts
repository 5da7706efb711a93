/**
 * Hand labels: the framework steps each rubric criterion restates (1-based step numbers, per
 * criterion in rubric order), so the judge can tell that "You haven't covered the reconciliation
 * plan yet" after a candidate walked through the backfill is a redundant follow-up. A criterion
 * that spans the whole answer or no single step ("Time Discipline", "Intellectual Honesty") has
 * none, and a follow-up on it is never judged redundant. Labelled by reading each criterion
 * against the steps' names and descriptions; a criterion restating several steps is covered
 * when all of them are.
 */
export const RESTATED_STEP_LABELS: Readonly<Record<string, readonly (readonly number[])[]>> = {
  'the-architectural-time-bomb': [[1], [4], [3], [6]],
  'the-production-performance-mystery': [[1], [3], [], []],
  'the-monolith-technical-debt-dilemma': [[], [1], [4], [5]],
  'the-payment-race-condition': [[2], [4], [5], [3]],
  'the-graphql-n-1-mystery': [[1], [4], [3], [2]],
  'the-legacy-code-economics': [[1], [2], [3], [4]],
  'the-microservices-coordination-nightmare': [[1], [2], [3], []],
  'the-15-minute-production-fire': [[], [3], [2], [4]],
  'the-tech-stack-tco-analysis': [[1], [2], [3], [4]],
  'the-regret-retrospective': [[2], [3], [4], [5]],
  'the-jwt-race-condition-nightmare': [[1], [2], [4], [2]],
  'the-zero-downtime-migration': [[], [], [3, 4, 5], []],
  'the-feature-flag-recovery': [[2], [3], [4], [5]],
  'the-api-versioning-challenge': [[1, 2, 3, 4], [1], [], []],
  'the-cache-invalidation-crisis': [[1], [2], [3], [5]],
}
