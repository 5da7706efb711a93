import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * bench/transcripts/ by `npm run bench:transcripts -- --write-scale`. Generated: refit, do not
 * edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: 0.09,
  fillerWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.25, 0.45],
  knots: [
    [0.0, 0.5],
    [0.0432, 1.31],
    [0.1591, 1.38],
    [0.2001, 2.0],
    [0.2238, 3.17],
    [0.2807, 3.33],
    [0.3321, 3.75],
    [0.3627, 4.25],
    [0.3852, 4.4],
    [0.4212, 4.5],
    [0.4615, 5.55],
    [0.5207, 6.83],
    [0.6001, 6.92],
    [0.7081, 8.0],
    [0.7685, 8.5],
    [0.7805, 8.83],
    [0.8461, 9.0],
  ],
  fittedOn: 'all 15 questions of bench/transcripts',
})
