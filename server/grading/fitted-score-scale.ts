import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * bench/transcripts/ by `npm run bench:transcripts -- --write-scale`. Generated: refit, do not
 * edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: 0.09,
  fillerWeight: 1,
  certaintyWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.25, 0.45],
  knots: [
    [0.0, 0.5],
    [0.0465, 1.32],
    [0.1461, 1.5],
    [0.165, 1.59],
    [0.1984, 2.0],
    [0.2257, 2.8],
    [0.2873, 3.92],
    [0.3345, 4.21],
    [0.3627, 4.25],
    [0.3761, 4.44],
    [0.4166, 4.79],
    [0.4606, 5.83],
    [0.5214, 6.8],
    [0.6002, 7.27],
    [0.7085, 8.21],
    [0.7685, 8.5],
    [0.7828, 8.75],
    [0.8461, 9.0],
  ],
  fittedOn: 'all 15 questions of bench/transcripts',
})
