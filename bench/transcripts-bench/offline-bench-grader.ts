import { computePercentile } from '../stream/percentile.js'
import { createGradingAnalyzer } from '../../server/grading/answer-coverage.js'
import {
  fitScoreScale,
  type CalibrationPoint,
  type OrderedPair,
} from '../../server/grading/fit-score-scale.js'
import {
  calibrationPoint,
  createOfflineGrader,
  measureTranscript,
} from '../../server/grading/offline-grader.js'
import { createProfileCache } from '../../server/grading/question-profile.js'
import { warmOfflineGrader } from '../../server/grading/warm-offline-grader.js'
import type { ScoreScale } from '../../server/grading/score-scale.js'
import type { Question } from '../../server/questions/question-schema.js'
import {
  createWinkEmbeddingsLoader,
  defaultPackCacheDir,
} from '../../server/text/wink-embeddings-loader.js'
import { gradeCases, type CaseOutcome } from './grade-cases.js'
import { candidateWords, type TranscriptCase } from './transcript-case.js'
import { folderList, type TranscriptSetName } from './transcript-sets.js'

/** A case and the set it comes from (transcript-sets.ts). */
export type SetCase = TranscriptCase & { set: TranscriptSetName }

/** Held-out grades of one fitting method: each question's cases graded by a fit without them. */
export type HeldOutFit = {
  /** The sets fitted on, pooled. */
  fitSets: readonly TranscriptSetName[]
  /** Each case graded with the scale fitted on the other questions' cases of `fitSets`. */
  outcomes: CaseOutcome[]
  /** Each question's model answer, graded as a one-turn transcript with its held-out scale. */
  modelAnswers: { questionId: string; stated: number; score: number }[]
  /** Per held-out question, the weights its fit chose. */
  weights: string[]
}

export type OfflineRun = HeldOutFit & {
  /** The scale fitted on every question of `fitSets`: what `--write-scale` ships. */
  fullScale: ScoreScale
  /** The same folds fitted on the dev set alone (the method shipped before), when `fitSets` pool more. */
  baseline?: HeldOutFit
  method: string
  timing: string
  /** Per case, in order: milliseconds of the timed pass (the shipped grader after its warm-up). */
  caseMs: number[]
}

type FitPoint = CalibrationPoint & { questionId: string; set: TranscriptSetName; words: number }

/**
 * The offline grader the product runs (`npm run grade`; POST /api/grade runs the same grader on
 * a worker thread), with its calibrated scale fitted leave-one-question-out over the sets of
 * `fitSets` pooled: for each question, the scale is fitted on the other questions' cases of every
 * fitted set, and that question's cases of every set (and its model answer) are graded with it, so
 * a question's dev and fresh cases leave their fit together. When more than dev is pooled, the
 * same folds are fitted on dev alone too (`baseline`), to compare. Timings: the shipped grader
 * over every case, one at a time, after the word vectors are loaded as the server loads them at start.
 */
export async function gradeOffline(
  cases: readonly SetCase[],
  questionOf: (id: string) => Question | undefined,
  fitSets: readonly TranscriptSetName[],
): Promise<OfflineRun> {
  const loader = createWinkEmbeddingsLoader({ cacheDir: defaultPackCacheDir() })
  loader.load()
  const analyzer = createGradingAnalyzer(loader)
  const now = () => new Date()
  const profileOf = createProfileCache(analyzer)
  const points: FitPoint[] = cases.flatMap((c) => {
    const q = questionOf(c.questionId)
    if (!q) return []
    const m = measureTranscript(analyzer, profileOf, q, {
      questionId: c.questionId,
      turns: c.turns,
    })
    const words = candidateWords(c)
    return [{ ...calibrationPoint(q, m, c.target), questionId: c.questionId, set: c.set, words }]
  })
  const questionIds = [...new Set(cases.map((c) => c.questionId))]
  const graderOf = (scale: ScoreScale) => createOfflineGrader({ analyzer, now, scale })
  const fitted = await heldOutFit(cases, points, questionIds, questionOf, fitSets, graderOf)
  const pooled = fitSets.some((s) => s !== 'dev')
  const baseline = pooled
    ? await heldOutFit(cases, points, questionIds, questionOf, ['dev'], graderOf)
    : undefined
  const mine = points.filter((p) => fitSets.includes(p.set))
  const fullScale = fitScoreScale(
    mine,
    `all ${new Set(mine.map((p) => p.questionId)).size} questions of ${folderList(fitSets)}`,
    shorterAndBetter(mine),
  )

  // The product path, timed: a fresh grader with the full scale, every case once.
  const shipped = createOfflineGrader({
    analyzer: createGradingAnalyzer(loader),
    now,
    scale: fullScale,
  })
  // As the server does at start (main.ts: the grading worker's warm-up), timed apart.
  const warmStart = performance.now()
  warmOfflineGrader(
    shipped,
    questionIds.flatMap((id) => questionOf(id) ?? []),
  )
  const warmMs = performance.now() - warmStart
  const timed = await gradeCases(cases, questionOf, {
    grade: async (q, t) => shipped.grade(q, t),
  })
  const ms = timed.map((o) => o.ms)
  const p = (q: number) => computePercentile(ms, q)?.toFixed(1) ?? 'n/a'
  const weights = fitted.weights
  const n = questionIds.length
  return {
    ...fitted,
    fullScale,
    ...(baseline ? { baseline } : {}),
    method: [
      `Every fitted constant is fitted with the question held out: for each of the ${n} questions, the`,
      'calibrated scale (the weights of its raw measure and the isotonic map, server/grading/score-scale.ts) is',
      `fitted on the other ${n - 1} questions' cases of ${folderList(fitSets)}${pooled ? ' pooled' : ''}, and that question's cases${pooled ? ' of every set (they leave the fit together)' : ''} are graded with it through the`,
      'product grader (`createOfflineGrader`, as `npm run grade` runs it). All figures below are these',
      `held-out grades. Weights chosen (specificity / filler / filler cap / certainty / on-topic-at / reach-on-topic) across the ${n} fits:`,
      `${[...new Set(weights)].map((w) => `${w} (${weights.filter((x) => x === w).length})`).join(', ')}; the shipped scale (fitted on`,
      `all ${n}) has ${fullScale.knots.length} knots and weights ${fullScale.specificityWeight} / ${fullScale.fillerWeight} / ${fullScale.fillerCap ?? 'none'} / ${fullScale.certaintyWeight} / ${fullScale.onTopicAt} / ${fullScale.reachOnTopic.join('-')}.`,
    ].join('\n'),
    caseMs: ms,
    timing: `p50 ${p(50)} ms, p99 ${p(99)} ms, max ${p(100)} ms (the shipped grader, after the warm-up the server runs at start, every case of ${folderList(fitSets)} once; the warm-up took ${(warmMs / 1000).toFixed(1)} s on the worker; vectors loaded in ${((loader.stats?.loadMs ?? 0) / 1000).toFixed(1)} s before)`,
  }
}

/**
 * Leave-one-question-out over `fitSets` pooled: for each question, the scale fitted on the other
 * questions' points of those sets grades every case of that question (whatever its set) and its
 * model answer.
 */
async function heldOutFit(
  cases: readonly SetCase[],
  points: readonly FitPoint[],
  questionIds: readonly string[],
  questionOf: (id: string) => Question | undefined,
  fitSets: readonly TranscriptSetName[],
  graderOf: (scale: ScoreScale) => ReturnType<typeof createOfflineGrader>,
): Promise<HeldOutFit> {
  const outcomes = new Array<CaseOutcome>(cases.length)
  const modelAnswers: HeldOutFit['modelAnswers'] = []
  const weights: string[] = []
  for (const held of questionIds) {
    const others = points.filter((p) => p.questionId !== held && fitSets.includes(p.set))
    const scale = fitScoreScale(
      others,
      `${folderList(fitSets)} without ${held}`,
      shorterAndBetter(others),
    )
    weights.push(
      `${scale.specificityWeight}/${scale.fillerWeight}/${scale.fillerCap ?? 'none'}/${scale.certaintyWeight}/${scale.onTopicAt}/${scale.reachOnTopic.join('-')}`,
    )
    const grader = graderOf(scale)
    const mine = cases.map((c, i) => ({ c, i })).filter(({ c }) => c.questionId === held)
    const graded = await gradeCases(
      mine.map(({ c }) => c),
      questionOf,
      { grade: async (q, t) => grader.grade(q, t) },
    )
    graded.forEach((o, k) => (outcomes[mine[k]!.i] = o))
    const q = questionOf(held)
    if (q)
      modelAnswers.push({
        questionId: held,
        stated: (q.statedScore.value / q.statedScore.scale) * 10,
        score: grader.grade(q, {
          questionId: held,
          turns: [{ id: 'c1', role: 'candidate', text: q.modelAnswer }],
        }).overall,
      })
  }
  return { fitSets, outcomes, modelAnswers, weights }
}

/**
 * The pairs whose order length must not buy: same question and same set, one with a higher
 * target (by at least a point) and fewer candidate words than the other. Two sets' targets are
 * two writers' scales, so a pair never crosses sets (points without a set are one set).
 */
export function shorterAndBetter(
  points: readonly { questionId: string; set?: string; target: number; words: number }[],
): OrderedPair[] {
  const pairs: OrderedPair[] = []
  points.forEach((a, i) =>
    points.forEach((b, j) => {
      if (
        a.questionId === b.questionId &&
        a.set === b.set &&
        a.target >= b.target + 1 &&
        a.words < b.words
      )
        pairs.push({ better: i, worse: j })
    }),
  )
  return pairs
}

/**
 * A blind set's grades: every case through the product grader with the scale it ships
 * (server/grading/fitted-score-scale.ts, fitted on SHIPPED_FIT_SETS), as `npm run grade` grades
 * it. Nothing is fitted on these cases, so every figure is a held-out test.
 */
export async function gradeWithShippedScale(
  cases: readonly TranscriptCase[],
  questionOf: (id: string) => Question | undefined,
): Promise<CaseOutcome[]> {
  const loader = createWinkEmbeddingsLoader({ cacheDir: defaultPackCacheDir() })
  loader.load()
  const grader = createOfflineGrader({
    analyzer: createGradingAnalyzer(loader),
    now: () => new Date(),
  })
  return gradeCases(cases, questionOf, { grade: async (q, t) => grader.grade(q, t) })
}
