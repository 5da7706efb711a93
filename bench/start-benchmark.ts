/**
 * Start to first page: spawns `npm start` as a user types it (PORT=0, a fresh DATA_DIR so the
 * SQLite file is created as on a first start) and times the spawn to the first 200 for `/`.
 * Warm start: the server bundle and the web build are current (the benchmark builds them once
 * first if they are not) and the word-vector pack is in node_modules/.cache. Also the CPU the
 * whole process tree used (npm, the server) up to that page, which other work on a shared machine
 * moves far less than the wall time.
 *
 * Run: `npm run bench:start` (about a minute). `--runs 5` sets the starts; `--no-write` prints
 * without touching docs/benchmarks.md.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureServerBuild } from '../scripts/server-build/server-build.mjs'
import { ensureWebBuild } from '../scripts/web-build/ensure-web-build.js'
import { readProcessGroupCpuMs } from './start/process-group-cpu.js'
import { watchServerOutput } from './start/server-output.js'
import { computePercentile } from './stream/percentile.js'
import { readClockTicks } from './stream/proc-stats.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Start to first page'
const START_TIMEOUT_MS = 90_000

const args = process.argv.slice(2)
const runsArg = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3
const runs = Number.isInteger(runsArg) && runsArg > 0 ? runsArg : 3
const write = !args.includes('--no-write')

type StartRun = {
  listenMs: number
  firstPageMs: number
  cpuMs: number
  /** The server's own figure for reading the vectors (in the background since listening). */
  vectorsMs: number
  /** Spawn to the server's "Word vectors loaded" line: from then on grades run at once. */
  vectorsInMs: number
}

async function startOnce(ticks: number): Promise<StartRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sparring-start-'))
  const t0 = performance.now()
  // detached: its own process group, so the whole tree (npm, sh, node) is stopped together.
  const child = spawn('npm', ['start', '--silent'], {
    detached: true,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  try {
    const lineOf = watchServerOutput(child, { timeoutMs: START_TIMEOUT_MS, name: 'npm start' })
    const listening = lineOf(/Sparring on http:\/\/[^:]+:(\d+)\//)
    const vectorsIn = lineOf(/Word vectors loaded in (\d+) ms/)
    const started = await listening
    const listenMs = started.at - t0
    const port = started.match[1]
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/`).catch(() => null)
      if (res?.status === 200 && (await res.text()).includes('<div id="root">')) break
      if (performance.now() - t0 > START_TIMEOUT_MS) throw new Error('no first page')
    }
    const firstPageMs = performance.now() - t0
    const cpuMs = readProcessGroupCpuMs(child.pid!, ticks)
    const vectors = await vectorsIn
    const vectorsInMs = vectors.at - t0
    process.kill(-child.pid!, 'SIGTERM')
    await exited
    return { listenMs, firstPageMs, cpuMs, vectorsMs: Number(vectors.match[1]), vectorsInMs }
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const median = (values: number[]) => computePercentile(values, 50) ?? Number.NaN
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`

function formatSection(results: StartRun[], info: { date: string; loadBefore: number }): string {
  const row = (label: string, pick: (r: StartRun) => number) => {
    const values = results.map(pick)
    return `| ${label} | ${ms(median(values))} | ${ms(Math.min(...values))} | ${ms(Math.max(...values))} |`
  }
  return `${SECTION}

What is measured: \`npm start\` typed on a warm machine (dependencies installed, the server
bundle and the web build current, the word-vector pack already in node_modules/.cache), from the
spawn to the first \`200\` for \`/\`, with a fresh \`DATA_DIR\` each time. \`npm start\` is
\`node --max-semi-space-size=4 scripts/start.mjs\` (the young-generation cap: bench:memory): no TypeScript loader. It hashes the server's sources (the module
graph esbuild recorded; \`scripts/server-build/\`) and rebuilds the bundle in \`dist/server\` only
when they changed, then hashes the web client's sources (its module graph, web/, the vite config
and the lock; \`scripts/web-build/\`) and runs \`vite build\` only when they changed, then imports
\`dist/server/main.js\`; the grading and coverage workers start from the bundles beside it. The
word vectors (a 76 MB pack, half precision) are read on libuv's threads while the server listens: most of that
read is the kernel mapping fresh memory (the table's last row), and a grade asked for
before they are in waits for them. *CPU* is user + system time of the whole process tree (npm,
the server) up to that page, read from \`/proc\`: on a shared machine it moves much less than the
wall time.

Run: \`npm run bench:start\` (${info.date}, ${availableParallelism()} CPUs, Node ${process.version},
${results.length} starts, 1-minute load average before the run ${info.loadBefore.toFixed(2)}).

| warm start | median | min | max |
|---|---|---|---|
${row('spawn to listening', (r) => r.listenMs)}
${row('spawn to first page', (r) => r.firstPageMs)}
${row('CPU of the process tree', (r) => r.cpuMs)}
${row('spawn to word vectors in (grades run from here)', (r) => r.vectorsInMs)}
${row('word vectors read (server log)', (r) => r.vectorsMs)}

The wall time is the CPU time plus waiting for a core: with other work on the machine (the load
average above), the same start takes several times longer than its CPU.
`
}

async function main() {
  const loadBefore = loadavg()[0]!
  const root = process.cwd()
  const log = (line: string) => console.log(line)
  if (!(await ensureServerBuild(root, log))) throw new Error('server build failed')
  if (!ensureWebBuild(root, log)) throw new Error('web build failed')
  const ticks = readClockTicks()
  const results: StartRun[] = []
  for (let i = 0; i < runs; i += 1) {
    const result = await startOnce(ticks)
    console.log(
      `start ${i + 1}: listening ${ms(result.listenMs)}, first page ${ms(result.firstPageMs)}, ` +
        `CPU ${ms(result.cpuMs)}, vectors ${ms(result.vectorsMs)}`,
    )
    results.push(result)
  }
  const section = formatSection(results, {
    date: new Date().toISOString().slice(0, 10),
    loadBefore,
  })
  console.log(`\n${section}`)
  if (write) {
    writeFileSync(REPORT, replaceSection(readFileSync(REPORT, 'utf8'), SECTION, section))
    console.log(`wrote ${REPORT}`)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
