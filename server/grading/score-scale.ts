import { z } from 'zod'

/**
 * Below this topicality (one content word in ten from the question's world: the chance overlap
 * of everyday words) an answer is off the question and earns nothing. Fixed, not fitted.
 */
const OFF_TOPIC = 0.1

/**
 * The offline grader's scale: how a raw content measure becomes a score out of 10.
 *
 * Raw measure of a target (criterion, competency or step), before calibration:
 *   (recall x (1 - fillerWeight x min(fillerShare, fillerCap)) + specificityWeight x ln(1 + figures))
 *     x quality x onTopic x (1 - certaintyWeight x overconfidence)
 * recall: share of the target's reference reached (content-measure.ts); fillerShare: share of
 * the words that add nothing new, so padding lowers the measure, up to `fillerCap`: once an
 * answer is mostly filler, more filler says nothing more about its content (a good answer padded
 * to three times its length keeps its content), so the penalty stops growing there and padding
 * never raises the measure either; figures: distinct figures stated
 * (a sign of specificity that separates a terse expert from a fluent generalist); quality: prose
 * rather than a keyword list (discourse-quality.ts); onTopic: the larger of two ramps, topicality
 * (topicality.ts) from 0 at OFF_TOPIC to 1 at `onTopicAt`, and the whole answer's reach of the
 * rubric (its criteria's pooled recall) from 0 at `reachOnTopic[0]` to 1 at `reachOnTopic[1]`;
 * overconfidence: how much more the answer asserts certainty than it hedges (certainty.ts), the
 * one sign of confident-but-wrong advice a lexical grader can hear.
 * Topicality counts the question's own words, so an excellent answer in the candidate's own
 * vocabulary reads as half off the question by it; an answer that reaches much of the rubric is
 * on the question whatever its words, while an off-topic one reaches little of it.
 *
 * The raw measure is not a score: the model answer reaches nearly all of its own references, and
 * a strong answer in the candidate's own words reaches far less. So the scale is not anchored on
 * the model answer; a monotone piecewise-linear map (isotonic regression, pool-adjacent-violators)
 * takes the raw measure to 0-10, fitted on graded transcripts (bench/transcripts/) with
 * `npm run bench:transcripts -- --write-scale`; the benchmark reports it only with each question
 * held out of its own fit. Beyond the last knot the map stays flat.
 */
export const ScoreScaleSchema = z.object({
  /** Weight of ln(1 + figures) against recall in the raw measure. */
  specificityWeight: z.number().min(0),
  /** How much of the filler share comes off recall, in [0, 1]. */
  fillerWeight: z.number().min(0).max(1),
  /**
   * The filler share beyond which more filler costs nothing more, in (0, 1]. Absent: no cap (the
   * whole share counts), as scales fitted before the cap existed were.
   */
  fillerCap: z.number().gt(0).max(1).optional(),
  /** How much of the measure full overconfidence takes off, in [0, 1]. */
  certaintyWeight: z.number().min(0).max(1),
  /** Topicality from which an answer counts as fully on the question. */
  onTopicAt: z.number().gt(OFF_TOPIC).max(1),
  /** Reach of the rubric from which an answer starts to count, and fully counts, as on topic. */
  reachOnTopic: z
    .tuple([z.number().min(0).max(1), z.number().min(0).max(1)])
    .refine(([lo, hi]) => lo < hi, 'reachOnTopic must increase'),
  /** [raw, score] points, raw increasing, score non-decreasing, scores in 0-10. */
  knots: z
    .array(z.tuple([z.number(), z.number().min(0).max(10)]))
    .min(1)
    .refine(
      (ks) => ks.every((k, i) => i === 0 || (k[0] > ks[i - 1]![0] && k[1] >= ks[i - 1]![1])),
      'knots must increase in raw and never decrease in score',
    ),
  /** What the knots were fitted on, for the record. */
  fittedOn: z.string(),
})
export type ScoreScale = z.infer<typeof ScoreScaleSchema>

/** The parts of the raw measure, as the offline grader measures them for one target. */
export type RawParts = {
  recall: number
  fillerShare: number
  figures: number
  /** Discourse quality, in [0, 1] (discourse-quality.ts). */
  quality: number
  /** Share of the candidate's words from the question's world, in [0, 1] (topicality.ts). */
  topicality: number
  /** The whole answer's reach of the rubric: its criteria's recall pooled by weight, in [0, 1]. */
  reach: number
  /** Certainty asserted beyond the hedges, in [0, 1] (certainty.ts). */
  overconfidence: number
}

export type RawWeights = Pick<
  ScoreScale,
  | 'specificityWeight'
  | 'fillerWeight'
  | 'fillerCap'
  | 'certaintyWeight'
  | 'onTopicAt'
  | 'reachOnTopic'
>

/** The filler share the penalty counts: the share itself, up to the cap when there is one. */
export function penalisedFillerShare(fillerShare: number, fillerCap: number | undefined): number {
  return fillerCap === undefined ? fillerShare : Math.min(fillerShare, fillerCap)
}

export function rawMeasure(parts: RawParts, w: RawWeights): number {
  const content =
    parts.recall * (1 - w.fillerWeight * penalisedFillerShare(parts.fillerShare, w.fillerCap))
  const [reachFrom, reachAt] = w.reachOnTopic
  const onTopic = Math.max(
    ramp(parts.topicality, OFF_TOPIC, w.onTopicAt),
    ramp(parts.reach, reachFrom, reachAt),
  )
  const doubt = 1 - w.certaintyWeight * parts.overconfidence
  return (
    (content + w.specificityWeight * Math.log1p(parts.figures)) * parts.quality * onTopic * doubt
  )
}

/** 0 at or below `from`, 1 at or above `to`, linear between. */
function ramp(x: number, from: number, to: number): number {
  return Math.min(1, Math.max(0, (x - from) / (to - from)))
}

/** The map: linear between knots, flat outside them, rounded to one decimal. */
export function applyScale(knots: ScoreScale['knots'], raw: number): number {
  const first = knots[0]!
  const last = knots[knots.length - 1]!
  let score: number
  if (raw <= first[0]) score = first[1]
  else if (raw >= last[0]) score = last[1]
  else {
    let i = 1
    while (knots[i]![0] < raw) i++
    const [x0, y0] = knots[i - 1]!
    const [x1, y1] = knots[i]!
    score = y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0)
  }
  return Math.round(Math.min(10, Math.max(0, score)) * 10) / 10
}
