import { formatTable } from './format-report.js'
import type { PhaseSummary } from './summarise-phase.js'

export type RunInfo = {
  date: string
  cpus: number
  node: string
  fake: { ttftMs: number; tokensPerSec: number; tokens: number }
  questionId: string
}

/** The "Interview stream under load" section of docs/benchmarks.md, heading included. */
export function formatReportSection(rows: readonly PhaseSummary[], run: RunInfo): string {
  return `## Interview stream under load

PLACEHOLDER

Run: \`npm run bench:stream\` (${run.date}, ${run.cpus} CPUs, Node ${run.node}; fake model: TTFT
${run.fake.ttftMs} ms, ${run.fake.tokensPerSec} tokens/s, ${run.fake.tokens} tokens a reply; question \`${run.questionId}\`).

${formatTable(rows)}
`
}
