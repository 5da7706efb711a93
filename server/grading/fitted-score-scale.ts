import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * bench/transcripts/ by `npm run bench:transcripts -- --write-scale`. Generated: refit, do not
 * edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: 0.08,
  fillerWeight: 1,
  certaintyWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.25, 0.45],
  knots: [
    [0.0, 0.5],
    [0.0549, 1.34],
    [0.1711, 1.59],
    [0.2016, 2.0],
    [0.2381, 3.21],
    [0.2796, 3.38],
    [0.3491, 4.25],
    [0.4128, 4.5],
    [0.4266, 5.5],
    [0.4455, 6.21],
    [0.4974, 6.25],
    [0.5576, 6.5],
    [0.5728, 6.75],
    [0.5756, 7.0],
    [0.5971, 8.06],
    [0.7064, 8.21],
    [0.7726, 8.75],
    [0.8323, 9.0],
  ],
  fittedOn: 'all 15 questions of bench/transcripts',
})
