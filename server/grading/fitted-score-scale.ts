import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * bench/transcripts/ by `npm run bench:transcripts -- --write-scale`. Generated: refit, do not
 * edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: 0.14,
  fillerWeight: 1,
  onTopicAt: 0.4,
  knots: [
    [0.0, 0.5],
    [0.0846, 1.39],
    [0.2334, 2.0],
    [0.289, 3.85],
    [0.4252, 4.4],
    [0.5409, 4.5],
    [0.5995, 6.11],
    [0.6695, 6.5],
    [0.6913, 7.88],
    [0.7932, 7.9],
    [0.9154, 8.67],
    [0.9786, 9.0],
  ],
  fittedOn: 'all 15 questions of bench/transcripts',
})
