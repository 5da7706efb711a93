import type { DrillKind } from './drill-candidates.js'
import type { DrillFigures } from './judge-drill.js'
import type { DrillQuestionResult } from './run-bench.js'

/** The drill figures of one candidate kind over every question, or of all kinds. */
export type DrillSummary = Omit<DrillFigures, 'problems'> & {
  label: string
  drills: number
  /** Distinct question-and-step pairs drilled. */
  stepsDrilled: number
}

const COUNTS = [
  'reps',
  'repeats',
  'noQuestion',
  'multiQuestion',
  'hintLeaks',
  'promptEchoes',
  'markupShown',
  'offFocus',
  'verdictHintClashes',
] as const

function summarise(
  label: string,
  runs: Array<{ question: string; step: number; figures: DrillFigures }>,
): DrillSummary {
  const summary = {
    label,
    drills: runs.length,
    stepsDrilled: new Set(runs.map((r) => `${r.question}:${r.step}`)).size,
  } as DrillSummary
  for (const key of COUNTS) summary[key] = runs.reduce((t, r) => t + r.figures[key], 0)
  return summary
}

/** One row per drill candidate kind, then the total. */
export function summariseDrills(results: readonly DrillQuestionResult[]): {
  rows: DrillSummary[]
  total: DrillSummary
} {
  const all = results.flatMap(({ question, runs }) =>
    runs.map((r) => ({ kind: r.kind, question: question.id, step: r.step, figures: r.figures })),
  )
  const kinds = [...new Set(all.map((r) => r.kind))] as DrillKind[]
  return {
    rows: kinds.map((k) =>
      summarise(
        k,
        all.filter((r) => r.kind === k),
      ),
    ),
    total: summarise('All drills', all),
  }
}
