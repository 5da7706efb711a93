import type { CaseOutcome } from './grade-cases.js'
import type { SetCase } from './offline-bench-grader.js'
import { attachScores, summariseGrades, type TranscriptReport } from './transcript-report.js'
import type { TranscriptSetName } from './transcript-sets.js'

/** One method's held-out figures on the cases of one set, or on every set pooled (`set` 'pooled'). */
export type FitFigures = { set: TranscriptSetName | 'pooled'; report: TranscriptReport }

/**
 * The held-out report of each set's cases, then of all of them pooled. Pooled, a question's cases
 * from two sets stay two groups (the question named with its set), so per-question and pair
 * figures never compare two writers' targets; Spearman, MAE and within range are over every case.
 * Cases without a score are left out.
 */
export function figuresBySet(
  cases: readonly SetCase[],
  outcomes: readonly CaseOutcome[],
): FitFigures[] {
  const scored = cases.flatMap((c, i) => {
    const o = outcomes[i]
    return o && 'score' in o ? [{ c, score: o.score }] : []
  })
  const report = (xs: typeof scored) =>
    summariseGrades(
      attachScores(
        xs.map((x) => x.c),
        xs.map((x) => x.score),
      ),
    )
  const sets = [...new Set(cases.map((c) => c.set))]
  return [
    ...sets.map((set) => ({ set, report: report(scored.filter((x) => x.c.set === set)) })),
    ...(sets.length > 1
      ? [
          {
            set: 'pooled' as const,
            report: report(
              scored.map((x) => ({
                ...x,
                c: { ...x.c, questionId: `${x.c.set}/${x.c.questionId}` },
              })),
            ),
          },
        ]
      : []),
  ]
}

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a')
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a')
const pct1 = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a')

/**
 * Two fitting methods on the same held-out folds, set by set (four places, to compare methods):
 * a markdown table, one row per method and set.
 */
export function formatFitComparison(
  methods: readonly { name: string; figures: readonly FitFigures[] }[],
): string {
  return [
    '| fitted on (each question held out) | graded set | cases | Spearman | MAE | within range | pairs in order |',
    '|---|---|---|---|---|---|---|',
    ...methods.flatMap((m) =>
      m.figures.map(
        (f) =>
          `| ${m.name} | ${f.set} | ${f.report.n} | ${f4(f.report.spearman)} | ${f3(f.report.mae)} | ${pct1(f.report.withinRange)} | ${pct1(f.report.pairsInOrder)} |`,
      ),
    ),
  ].join('\n')
}
