/**
 * The graded sets `npm run bench:transcripts -- --set <name>` can grade. `dev` is the set the
 * offline scale is fitted on (each question held out); every other set is a held-out test,
 * graded with the shipped scale and never fitted on. A new blind set is one entry here and a
 * folder bench/transcripts-<name>/.
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
   * How a blind set was written and its targets set (one sentence, no trailing period); the dev
   * set's section keeps the formatter's own sentence.
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
} as const satisfies Record<string, TranscriptSet>

export type TranscriptSetName = keyof typeof TRANSCRIPT_SETS

export const TRANSCRIPT_SET_NAMES = Object.keys(TRANSCRIPT_SETS) as [
  TranscriptSetName,
  ...TranscriptSetName[],
]

/** Only the dev set is fitted on; every other set is a held-out test. */
export function isHeldOutSet(name: TranscriptSetName): boolean {
  return name !== 'dev'
}
