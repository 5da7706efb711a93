/**
 * The graded sets `npm run bench:transcripts -- --set <name>` can grade. The offline scale is
 * fitted on the sets of `--fit-sets` (SHIPPED_FIT_SETS by default), each question held out with
 * its cases from every fitted set; a set not fitted on is a blind, held-out test, graded with the
 * shipped scale. Only FITTABLE sets may ever be fitted on: a set kept blind stays a fair test. A
 * new blind set is one entry here and a folder bench/transcripts-<name>/.
 */
export type TranscriptSet = {
  /** Folder of cases under the repository root, one subfolder per question. */
  folder: string
  /**
   * Heading of its docs/benchmarks.md section: a blind set's LLM run gets ", LLM grader" appended,
   * the dev set's runs ", offline grader" or ", LLM grader".
   */
  heading: string
  /**
   * How a set other than dev was written and its targets set (one sentence, no trailing period);
   * the dev set's section keeps the formatter's own sentence.
   */
  describe?: (n: number) => string
}

export const TRANSCRIPT_SETS = {
  dev: {
    folder: 'bench/transcripts',
    heading: '## Grading: graded transcripts',
  },
  fresh: {
    folder: 'bench/transcripts-fresh',
    heading: '## Grading: fresh transcripts, written blind',
    describe: (n) =>
      `Graded mock-interview transcripts of bench/transcripts-fresh/ (fresh set: ${n} cases, 6 questions x 8 kinds, written for a held-out test and given a target score out of 10 and an accepted range by hand against the rubric before any grader ran on them or the grader's code and the dev transcripts were read; bench/transcripts-fresh/README.md)`,
  },
  fresh2: {
    folder: 'bench/transcripts-fresh2',
    heading: '## Grading: second blind set',
    describe: (n) =>
      `Graded mock-interview transcripts of bench/transcripts-fresh2/ (second blind set: ${n} cases, 6 questions x 8 kinds, by a different author than bench/transcripts-fresh/, written and given a target score out of 10 and an accepted range by hand against the rubric before any grader ran on them and before the grader's code, the dev transcripts, the fresh set's transcripts or the grading figures were read; never looked at while tuning; bench/transcripts-fresh2/README.md)`,
  },
  fresh3: {
    folder: 'bench/transcripts-fresh3',
    heading: '## Grading: third blind set',
    describe: (n) =>
      `Graded mock-interview transcripts of bench/transcripts-fresh3/ (third blind set: ${n} cases, 6 questions x 8 kinds, written by a helper session that never read the grader's code, the dev, fresh, fresh2 or feedback transcripts or the grading figures, each given a target score out of 10 and an accepted range by hand against the rubric and the model answer's stated score before writing, and never graded by its author; never looked at while tuning; bench/transcripts-fresh3/README.md)`,
  },
} as const satisfies Record<string, TranscriptSet>

export type TranscriptSetName = keyof typeof TRANSCRIPT_SETS

export const TRANSCRIPT_SET_NAMES = Object.keys(TRANSCRIPT_SETS) as [
  TranscriptSetName,
  ...TranscriptSetName[],
]

/** The sets a scale may be fitted on; fresh2 and fresh3 are kept blind, never fitted on. */
export const FITTABLE_SET_NAMES = ['dev', 'fresh'] as const satisfies readonly TranscriptSetName[]
export type FittableSetName = (typeof FITTABLE_SET_NAMES)[number]

/**
 * The sets the shipped scale (server/grading/fitted-score-scale.ts) is fitted on: the default of
 * `--fit-sets`. Dev alone: fitted on dev and fresh pooled, the held-out figures fell on dev and
 * did not rise on fresh (docs/benchmarks.md, "Grading: scale fitted on dev and fresh pooled, not
 * kept"), so fresh stays a (read) held-out set.
 */
export const SHIPPED_FIT_SETS: readonly FittableSetName[] = ['dev']

/** A set is held out (a blind test, graded with the shipped scale) when it is not fitted on. */
export function isHeldOutSet(
  name: TranscriptSetName,
  fitSets: readonly TranscriptSetName[] = SHIPPED_FIT_SETS,
): boolean {
  return !fitSets.includes(name)
}

/** The sets named, in the order of TRANSCRIPT_SETS, for a label such as a scale's fittedOn. */
export function folderList(sets: readonly TranscriptSetName[]): string {
  const folders = TRANSCRIPT_SET_NAMES.filter((s) => sets.includes(s)).map(
    (s) => TRANSCRIPT_SETS[s].folder,
  )
  return folders.length <= 1
    ? (folders[0] ?? '')
    : `${folders.slice(0, -1).join(', ')} and ${folders[folders.length - 1]}`
}
