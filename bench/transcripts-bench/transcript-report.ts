import { candidateWords, levelRank, type TranscriptCase } from './transcript-case.js'
import {
  groupBy,
  mean,
  meanAbsoluteError,
  shareOfPairsInOrder,
  shareWithinRange,
  spearman,
} from './rank-metrics.js'

/** A case with the score a grader gave it. */
export type GradedCase = TranscriptCase & { score: number; words: number }

export type LevelFigures = {
  level: string
  n: number
  meanScore: number
  meanTarget: number
  withinRange: number
  /** Spearman(score, candidate words) across the level's cases: length bias within a level. */
  lengthRho: number
}

/** A variant (padded, with claims) against the same answer without the change. */
export type VariantFigures = {
  questionId: string
  level: string
  baseLevel: string
  score: number
  baseScore: number
}

/** Per question: the cases that must score below the honest mediocre answer, and whether they do. */
export type BelowMediocre = { questionId: string; level: string; score: number; mediocre: number }

export type TranscriptReport = {
  n: number
  spearman: number
  perQuestion: { questionId: string; spearman: number; mae: number }[]
  mae: number
  withinRange: number
  pairsInOrder: number
  /** Spearman(score, words) over all cases, and the targets' own, for scale. */
  lengthRho: number
  targetLengthRho: number
  levels: LevelFigures[]
  variants: VariantFigures[]
  belowMediocre: BelowMediocre[]
}

/** Attaches scores (by case index) and candidate word counts to the cases. */
export function attachScores(cases: readonly TranscriptCase[], scores: readonly number[]) {
  return cases.map((c, i): GradedCase => ({ ...c, score: scores[i]!, words: candidateWords(c) }))
}

/** Every figure of the benchmark for one grader's scores. */
export function summariseGrades(graded: readonly GradedCase[]): TranscriptReport {
  const scores = graded.map((g) => g.score)
  const targets = graded.map((g) => g.target)
  const byQuestion = groupBy(graded, (g) => g.questionId)
  const byLevel = groupBy(graded, (g) => g.level)
  const find = (q: string, level: string) => byQuestion.get(q)?.find((g) => g.level === level)
  return {
    n: graded.length,
    spearman: spearman(scores, targets),
    perQuestion: [...byQuestion].map(([questionId, cs]) => ({
      questionId,
      spearman: spearman(
        cs.map((c) => c.score),
        cs.map((c) => c.target),
      ),
      mae: meanAbsoluteError(
        cs.map((c) => c.score),
        cs.map((c) => c.target),
      ),
    })),
    mae: meanAbsoluteError(scores, targets),
    withinRange: shareWithinRange(
      scores,
      graded.map((g) => g.range),
    ),
    pairsInOrder: shareOfPairsInOrder(
      graded.map((g) => ({ group: g.questionId, score: g.score, target: g.target })),
    ),
    lengthRho: spearman(
      scores,
      graded.map((g) => g.words),
    ),
    targetLengthRho: spearman(
      targets,
      graded.map((g) => g.words),
    ),
    levels: [...byLevel]
      // Known levels in reading order; a set's own kinds after them, by mean target, highest first.
      .sort(
        ([a, as], [b, bs]) =>
          levelRank(a) - levelRank(b) ||
          mean(bs.map((c) => c.target)) - mean(as.map((c) => c.target)) ||
          a.localeCompare(b),
      )
      .map(([level, cs]) => ({
        level,
        n: cs.length,
        meanScore: mean(cs.map((c) => c.score)),
        meanTarget: mean(cs.map((c) => c.target)),
        withinRange: shareWithinRange(
          cs.map((c) => c.score),
          cs.map((c) => c.range),
        ),
        lengthRho: spearman(
          cs.map((c) => c.score),
          cs.map((c) => c.words),
        ),
      })),
    variants: graded.flatMap((g) => {
      const base = g.baseLevel ? find(g.questionId, g.baseLevel) : undefined
      return base && g.baseLevel
        ? [
            {
              questionId: g.questionId,
              level: g.level,
              baseLevel: g.baseLevel,
              score: g.score,
              baseScore: base.score,
            },
          ]
        : []
    }),
    belowMediocre: graded.flatMap((g) => {
      const mediocre = find(g.questionId, 'mediocre')
      const mustBeBelow = ['keyword-list', 'off-topic', 'mediocre-claims'].includes(g.level)
      return mustBeBelow && mediocre
        ? [{ questionId: g.questionId, level: g.level, score: g.score, mediocre: mediocre.score }]
        : []
    }),
  }
}
