import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * bench/transcripts/ by `npm run bench:transcripts -- --write-scale`. Generated: refit, do not
 * edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: 0.08,
  fillerWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.35, 0.55],
  knots: [
    [0.0, 0.5],
    [0.0509, 1.28],
    [0.1568, 1.44],
    [0.1921, 2.0],
    [0.2616, 3.96],
    [0.3232, 4.21],
    [0.3655, 4.44],
    [0.4178, 4.5],
    [0.472, 5.33],
    [0.5389, 7.1],
    [0.6256, 7.25],
    [0.6838, 7.97],
    [0.7381, 8.5],
    [0.7588, 8.83],
    [0.8304, 9.0],
  ],
  fittedOn: 'all 15 questions of bench/transcripts',
})
