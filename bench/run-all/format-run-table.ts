/** One benchmark script as `npm run bench` ran it. */
export type BenchRun = {
  script: string
  /** ISO time the script started. */
  startedAt: string
  durationMs: number
  exitCode: number
  /** The 1-minute load average just before it started: other work skews its figures. */
  loadBefore: number
}

export type Machine = { cpus: number; cpuModel: string; memoryGb: number; node: string; os: string }

const minutes = (ms: number) =>
  ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`

/** The section of docs/benchmarks.md that says when, where and how each benchmark last ran. */
export function formatRunSection(
  heading: string,
  runs: readonly BenchRun[],
  machine: Machine,
): string {
  const rows = runs.map(
    (r) =>
      `| \`npm run ${r.script}\` | ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC | ${minutes(r.durationMs)} | ` +
      `${r.loadBefore.toFixed(1)} | ${r.exitCode === 0 ? 'wrote its section' : `**failed** (exit ${r.exitCode}): its section is from an earlier run`} |`,
  )
  return `${heading}

\`npm run bench\` runs every \`bench:*\` script of package.json in turn; each one rewrites its own
section below, with its date and command. Last run of \`npm run bench\`, on this machine:
${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}.

| command | started | took | load average before | result |
|---|---|---|---|---|
${rows.join('\n')}

The machine these ran on is shared by up to 8 working sessions on 2 cores: latency and throughput
under load move a lot between runs (hence the load average per script); ratios measured within one
run (the same load for both sides) and CPU time move much less, and the sections say which is which.
`
}
