import type { TranscriptMeasure } from '../../server/grading/offline-grader.js'
import { rawMeasure, type RawParts, type RawWeights } from '../../server/grading/score-scale.js'
import { countFigures } from '../../server/grading/specific-details.js'
import type { Question } from '../../server/questions/question-schema.js'
import type { TextAnalyzer } from '../../server/text/text-analyzer.js'

/**
 * Variants of the offline grader's raw measure (score-scale.ts) measured and not kept, each a
 * change of one part of the shipped measure. Measured here, apart from the product, so the
 * product carries no option it does not use (bench/transcripts-variants.ts runs them).
 */

/** A similarity this close is the reference's own word (content-measure.ts OWN_WORD). */
const OWN_WORD = 0.9

/** Certainty words that wave a point away ("just", "nothing", "no need", "isn't a factor"). */
const MINIMISER =
  /\b(?:just|simply|only|nothing|no need|enough|overkill|pointless|unnecessary|anyway|trivial|straightforward|(?:isn't|is not|not) (?:really )?(?:a )?(?:factor|needed|necessary|an issue|a problem|worth))\b/gi

/** What each variant needs of a transcript beyond the shipped raw parts. */
export type VariantSignals = {
  /** Share of the question's prompt and scenario content words the answer uses (exact stems). */
  scenarioShare: number
  /** The rubric criteria's pooled recall counting only matches by the reference's own word. */
  ownWordRecall: number
  /** Figures stated in sentences that name a rubric criterion's term by its own word. */
  anchoredFigures: number
  /** Boosters and minimisers beyond hedges, per sentence (certainty.ts counts boosters only). */
  minimisedCertainty: number
}

export function measureVariantSignals(
  analyzer: TextAnalyzer,
  question: Question,
  m: TranscriptMeasure,
): VariantSignals {
  const own = new Set(analyzer.terms(m.candidateText).map((t) => t.stem))
  const scenario = analyzer.terms(
    [question.prompt, question.scenario, ...question.requirements].join('\n'),
  )
  const { sims, width, sentenceColumns } = m.content.matrix
  const criteria = m.profile.targets.filter((t) => t.kind === 'criterion')
  const criterionTerms = new Set(criteria.flatMap((t) => t.termIndices))
  const namesOwnWord = (k: number) =>
    [...criterionTerms].some((i) =>
      sentenceColumns[k]!.some((j) => sims[i * width + j]! >= OWN_WORD),
    )
  const allColumns = [...new Set(sentenceColumns.flat())]
  const reachedOwnWord = (i: number) => allColumns.some((j) => sims[i * width + j]! >= OWN_WORD)
  const ownWordRecall =
    criteria.reduce(
      (sum, t) =>
        sum +
        (t.termIndices.length > 0
          ? t.termIndices.filter(reachedOwnWord).length / t.termIndices.length
          : 0),
      0,
    ) / Math.max(1, criteria.length)
  const sentences = m.sentences.map((s) => s.text.replace(/’/g, "'"))
  const minimisers = sentences.reduce((n, s) => n + (s.match(MINIMISER)?.length ?? 0), 0)
  return {
    scenarioShare:
      scenario.length > 0 ? scenario.filter((t) => own.has(t.stem)).length / scenario.length : 0,
    ownWordRecall,
    anchoredFigures: countFigures(sentences.filter((_, k) => namesOwnWord(k))),
    minimisedCertainty:
      sentences.length > 0
        ? (m.certainty.boosters + minimisers - m.certainty.hedges) / sentences.length
        : 0,
  }
}

export type VariantPoint = RawParts & { signals: VariantSignals }

/** One variant: the raw measure of a point under the shipped weights, one part changed. */
export type ScaleVariant = { name: string; raw: (p: VariantPoint, w: RawWeights) => number }

const ramp = (x: number, from: number, to: number) =>
  Math.min(1, Math.max(0, (x - from) / (to - from)))

/** The variants measured, the shipped measure first. */
export const SCALE_VARIANTS: readonly ScaleVariant[] = [
  { name: 'shipped measure', raw: (p, w) => rawMeasure(p, w) },
  {
    name: 'gated by the scenario share (0 at 0, 1 from 0.2)',
    raw: (p, w) => rawMeasure(p, w) * ramp(p.signals.scenarioShare, 0, 0.2),
  },
  {
    name: 'recall by own words only (no word-vector matches)',
    raw: (p, w) =>
      rawMeasure({ ...p, recall: p.signals.ownWordRecall, reach: p.signals.ownWordRecall }, w),
  },
  {
    name: 'half own-word recall, half soft recall',
    raw: (p, w) => rawMeasure({ ...p, recall: (p.recall + p.signals.ownWordRecall) / 2 }, w),
  },
  {
    name: "figures only in sentences naming a criterion's own word",
    raw: (p, w) => rawMeasure({ ...p, figures: p.signals.anchoredFigures }, w),
  },
  {
    name: 'no figures',
    raw: (p, w) => rawMeasure({ ...p, figures: 0 }, { ...w, specificityWeight: 0 }),
  },
  {
    name: 'minimisers counted as certainty',
    raw: (p, w) =>
      rawMeasure(
        { ...p, overconfidence: Math.min(1, Math.max(0, p.signals.minimisedCertainty / 0.5)) },
        w,
      ),
  },
  {
    name: 'keyword lists keep 0.2 of their measure',
    raw: (p, w) => rawMeasure({ ...p, quality: p.quality + (1 - p.quality) * 0.2 }, w),
  },
]
