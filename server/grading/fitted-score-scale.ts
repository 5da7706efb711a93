import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * bench/transcripts/ by `npm run bench:transcripts -- --write-scale`. Generated: refit, do not
 * edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: 0.08,
  fillerWeight: 0.75,
  certaintyWeight: 1,
  onTopicAt: 0.5,
  reachOnTopic: [0.25, 0.45],
  knots: [
    [0.0, 0.5],
    [0.0546, 1.38],
    [0.1607, 1.55],
    [0.1944, 2.0],
    [0.2362, 3.9],
    [0.3, 3.96],
    [0.3562, 4.36],
    [0.4083, 4.5],
    [0.444, 6.25],
    [0.5039, 6.56],
    [0.5654, 7.42],
    [0.6902, 8.19],
    [0.7448, 8.5],
    [0.7616, 8.83],
    [0.8386, 9.0],
  ],
  fittedOn: 'all 15 questions of bench/transcripts',
})
