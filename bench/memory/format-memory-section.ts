import type { IsolateHeap } from './isolate-heaps.js'
import type { ProcMemory } from './proc-memory.js'

export type MemoryPhase = {
  label: string
  /** Median sample of the window (by RSS). */
  median: ProcMemory
  minRss: number
  maxRss: number
}

export type MemoryRun = {
  phases: MemoryPhase[]
  /** Sessions opened between the first two phases. */
  sessions: number
  /** Sessions opened between the third phase and the last. */
  furtherSessions: number
  /** Heaps read before the further sessions were opened. */
  heapsBefore: { main: IsolateHeap; workers: IsolateHeap[] }
  /** Heaps read at the end of the run (after the last phase). */
  heaps: { main: IsolateHeap; workers: IsolateHeap[] }
  /** Bytes of the word-vector store (one SharedArrayBuffer for every thread). */
  vectorBytes: number
  coverageWorkers: number
  peak: number
}

export type MemoryRunInfo = {
  date: string
  machine: string
  command: string
  /** package.json's start script: what `npm start` runs. */
  start: string
  loadBefore: number
  windowMs: number
}

export const MEMORY_SECTION = '## Memory: resident set of the server'

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`

/** The docs/benchmarks.md section of `npm run bench:memory`. */
export function formatMemorySection(run: MemoryRun, info: MemoryRunInfo): string {
  const idle = run.phases[0]!
  const open = run.phases[1]
  const perSession = open ? (open.median.rss - idle.median.rss) / run.sessions : undefined
  // The last phase opens many more sessions, on a process that has run every path once.
  const further =
    run.phases.length >= 4
      ? (run.phases[3]!.median.rss - run.phases[2]!.median.rss) / run.furtherSessions
      : undefined
  const heapUsed = (h: MemoryRun['heaps']) => [h.main, ...h.workers].reduce((n, i) => n + i.used, 0)
  const furtherHeap = (heapUsed(run.heaps) - heapUsed(run.heapsBefore)) / run.furtherSessions
  const furtherText =
    further === undefined
      ? ''
      : `; for each of the next ${run.furtherSessions}, ${further > 0 ? `**${kb(further)}** of RSS` : `no RSS growth (it fell by ${mb(-further * run.furtherSessions)}: a heap with room takes sessions without growing, and collections free pages)`} (last row less the row before it) and **${kb(furtherHeap)}** of V8 heap used, all isolates (diagnostic reports before and after them; used bytes count garbage not yet collected, so this is an upper bound on what a session keeps)`
  const phaseRows = run.phases.map(
    (p) =>
      `| ${p.label} | **${mb(p.median.rss)}** (${mb(p.minRss)} to ${mb(p.maxRss)}) | ${mb(p.median.anon)} | ${mb(p.median.file)} | ${p.median.threads} |`,
  )
  const heapRows = [
    `| main thread | ${mb(run.heaps.main.committed)} | ${mb(run.heaps.main.used)} | ${mb(run.heaps.main.young)} |`,
    ...run.heaps.workers
      .map((w) => ({ w }))
      .sort((a, b) => b.w.committed - a.w.committed)
      .map(
        ({ w }, i) => `| worker ${i + 1} | ${mb(w.committed)} | ${mb(w.used)} | ${mb(w.young)} |`,
      ),
  ]
  const heaps = [run.heaps.main, ...run.heaps.workers].reduce((n, h) => n + h.committed, 0)
  const last = run.phases[run.phases.length - 1]!.median
  const rest = last.anon - heaps - run.vectorBytes
  return `${MEMORY_SECTION}

What is measured: the server as \`npm start\` runs it (\`${info.start}\`: the bundle in
dist/server, embedded defaults: offline interviewer, SQLite in a fresh \`DATA_DIR\`, 127.0.0.1,
${run.coverageWorkers} coverage workers (one per core), the offline grading worker, the word vectors read from
their pack in node_modules/.cache). The benchmark waits for "Word vectors loaded" and "Offline
grader warmed up" (from then on nothing runs until a request comes), then reads the process's
\`/proc/<pid>/status\` every 250 ms for ${info.windowMs / 1000} s: each row is the median reading and the range of the
window (the figure still moves at idle as each thread's collector runs). Then ${run.sessions} candidates each
open a session over the real WebSocket (their own identity, the opening turn read) and the window
is read again; then each sends one answer and reads the interviewer's follow-up (each question's
coverage profile built in a worker), and it is read again; then ${run.furtherSessions} more candidates
open a session each, and it is read again. Last, a diagnostic report
(\`node --report-on-signal\`, SIGUSR2) gives each V8 isolate's heap. Memory does not depend on
the machine's load as timings do; the load average is given anyway. A MB here is 2^20 bytes, as
\`/proc\` counts in KiB: the word vectors' pack, ${(run.vectorBytes / 1e6).toFixed(1)} million bytes (its "${Math.round(run.vectorBytes / 1e6)} MB"
elsewhere), is ${mb(run.vectorBytes)} of them.

Run: \`${info.command}\` (${info.date}, ${info.machine}, 1-minute load average before the run ${info.loadBefore.toFixed(2)}).

| state | RSS, median (range) | RssAnon | RssFile | threads |
|---|---|---|---|---|
${phaseRows.join('\n')}

${perSession === undefined ? '' : `Per open session: **${kb(perSession)}** for the first ${run.sessions} (the median RSS with them open, less the idle median, over ${run.sessions}: one-time growth included, code compiled and heaps sized on first use)`}${furtherText}${perSession === undefined ? '' : '. '}Peak RSS of the run (VmHWM): ${mb(run.peak)}.

Where the resident memory goes, after the last row:

| part | resident |
|---|---|
| word vectors: one SharedArrayBuffer read by every thread (half precision) | ${mb(run.vectorBytes)} |
| V8 heaps of the ${1 + run.heaps.workers.length} isolates (below) | ${mb(heaps)} |
| the rest of RssAnon: each thread's stack, malloc arenas, V8 and libuv outside the heaps | ${mb(rest)} |
| RssFile: the node binary and shared libraries, as far as touched | ${mb(last.file)} |

| isolate | heap resident | heap used | of it, young generation |
|---|---|---|---|
${heapRows.join('\n')}

The workers, largest heap first, are the ${run.coverageWorkers} coverage workers and the grading worker (a diagnostic
report does not name them).
`
}
