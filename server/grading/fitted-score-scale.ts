import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * bench/transcripts/ by `npm run bench:transcripts -- --write-scale`. Generated: refit, do not
 * edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: 0.06,
  fillerWeight: 1,
  fillerCap: 0.4,
  certaintyWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.25, 0.45],
  knots: [
    [0.0, 0.5],
    [0.0676, 1.32],
    [0.1859, 2.0],
    [0.2362, 2.75],
    [0.2703, 3.67],
    [0.3189, 4.23],
    [0.3783, 4.5],
    [0.3952, 5.17],
    [0.4072, 6.13],
    [0.437, 6.25],
    [0.4799, 6.33],
    [0.4903, 6.5],
    [0.5265, 7.0],
    [0.5411, 7.71],
    [0.5822, 8.13],
    [0.6549, 8.24],
    [0.7259, 8.5],
    [0.768, 9.0],
  ],
  fittedOn: 'all 15 questions of bench/transcripts',
})
