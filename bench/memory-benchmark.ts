/**
 * `npm run bench:memory`: the server's resident memory at idle and with sessions open. Starts the
 * server as `npm start` does (`node [flags] scripts/start.mjs`, the bundle in dist/server, built first if
 * stale) on a fresh DATA_DIR on 127.0.0.1 with the embedded defaults, waits until the word vectors
 * are in and the grading worker has warmed up, reads /proc/<pid>/status over a window, opens
 * sessions over the real WebSocket and reads it again, sends one answer in each and reads it
 * again, and asks for a diagnostic report for each isolate's heap.
 *
 * Then it opens `--further-sessions` more (300 by default): enough that what one more session
 * keeps stands out of the noise of a heap that grows and shrinks by megabytes as it collects, read
 * both as RSS and as the V8 heaps' used bytes from diagnostic reports before and after.
 *
 * Options: `--sessions 10`, `--further-sessions 300`, `--window-ms 5000`, `--no-write` (print
 * only). Extra node flags for an experiment go through NODE_OPTIONS, which the server inherits.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { ensureServerBuild } from '../scripts/server-build/server-build.mjs'
import { ensureWebBuild } from '../scripts/web-build/ensure-web-build.js'
import { startNodeFlags } from './shared/start-node-flags.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import {
  formatMemorySection,
  MEMORY_SECTION,
  type MemoryPhase,
} from './memory/format-memory-section.js'
import { requestIsolateHeaps } from './memory/isolate-heaps.js'
import { medianSample, readProcMemory, sampleProcMemory } from './memory/proc-memory.js'
import { watchServerOutput } from './start/server-output.js'
import { connectCandidate } from './stream/bench-client.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const START_TIMEOUT_MS = 120_000
const TURN_TIMEOUT_MS = 60_000
const SAMPLE_EVERY_MS = 250

const ArgsSchema = z.object({
  sessions: z.coerce.number().int().min(1).max(100).default(10),
  furtherSessions: z.coerce.number().int().min(1).max(2000).default(300),
  windowMs: z.coerce.number().int().min(250).max(60_000).default(5000),
  write: z.boolean().default(true),
})

function parseArgs(argv: readonly string[]) {
  const raw: Record<string, unknown> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--no-write') raw.write = false
    else if (a === '--sessions') raw.sessions = argv[++i]
    else if (a === '--further-sessions') raw.furtherSessions = argv[++i]
    else if (a === '--window-ms') raw.windowMs = argv[++i]
    else
      throw new Error(
        `unknown argument ${a}: npm run bench:memory -- [--sessions 10] [--further-sessions 300] [--window-ms 5000] [--no-write]`,
      )
  }
  return ArgsSchema.parse(raw)
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const loadBefore = loadavg()[0]!
  const root = process.cwd()
  const log = (line: string) => console.log(line)
  if (!(await ensureServerBuild(root, log))) throw new Error('server build failed')
  if (!ensureWebBuild(root, log)) throw new Error('web build failed')
  const question = (await loadQuestionBank(join(root, 'questions'))).questions[0]!

  const dataDir = mkdtempSync(join(tmpdir(), 'sparring-memory-'))
  const reportDir = mkdtempSync(join(tmpdir(), 'sparring-memory-report-'))
  const child = spawn(
    process.execPath,
    [
      ...startNodeFlags(root),
      '--report-on-signal',
      `--report-directory=${reportDir}`,
      'scripts/start.mjs',
    ],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        // Every candidate comes from 127.0.0.1, hundreds of them within a minute: the bench
        // measures memory, not the rate limits, so they are raised out of its way.
        SESSIONS_PER_MINUTE: '1000000',
        ANSWERS_PER_MINUTE: '1000000',
        ADDRESS_LIMIT_FACTOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const exited = once(child, 'exit')
  const pid = child.pid!
  const candidates: Array<Awaited<ReturnType<typeof connectCandidate>>> = []
  try {
    const watched = watchServerOutput(child, { timeoutMs: START_TIMEOUT_MS, name: 'the server' })
    const lineOf = async (pattern: RegExp) => (await watched(pattern)).match
    const port = (await lineOf(/Sparring on http:\/\/127\.0\.0\.1:(\d+)\//))[1]!
    const vectors = await lineOf(/Word vectors loaded in \d+ ms \((\d+) bytes/)
    const warm = await lineOf(/Offline grader warmed up on (\d+) questions in (\d+) ms/)
    console.log(`listening on ${port}; ${vectors[0]}; ${warm[0]}`)
    const baseUrl = `http://127.0.0.1:${port}`
    const phase = async (label: string): Promise<MemoryPhase> => {
      const samples = await sampleProcMemory(pid, args.windowMs, SAMPLE_EVERY_MS)
      const median = medianSample(samples)
      const rss = samples.map((s) => s.rss)
      const row = { label, median, minRss: Math.min(...rss), maxRss: Math.max(...rss) }
      console.log(`${label}: RSS ${(median.rss / 2 ** 20).toFixed(1)} MB`)
      return row
    }
    const phases = [await phase('idle, after start')]
    for (let i = 0; i < args.sessions; i++) {
      const candidate = await connectCandidate(baseUrl, question.id)
      await candidate.awaitOpening(Date.now() + TURN_TIMEOUT_MS)
      candidates.push(candidate)
    }
    phases.push(await phase(`${args.sessions} sessions open (opening turn read)`))
    const answer =
      'I would start by measuring where the time goes, then roll back the last deploy if the ' +
      'errors began with it, and keep the incident channel updated while we find the cause.'
    const replies = await Promise.all(
      candidates.map((c, i) => c.answer(`memory-${i}`, answer, Date.now() + TURN_TIMEOUT_MS)),
    )
    const failed = replies.filter((r) => r.error !== null)
    if (failed.length > 0) throw new Error(`${failed.length} answers got no follow-up`)
    phases.push(await phase(`${args.sessions} sessions, one answer each`))
    // Many more sessions, on a process that has now run each code path once: what a further
    // session keeps, without the first sessions' one-time growth (code compiled, heaps sized).
    const heapsBefore = await requestIsolateHeaps(pid, reportDir)
    for (let i = 0; i < args.furtherSessions; i++) {
      const candidate = await connectCandidate(baseUrl, question.id)
      await candidate.awaitOpening(Date.now() + TURN_TIMEOUT_MS)
      candidates.push(candidate)
    }
    phases.push(
      await phase(
        `${args.sessions + args.furtherSessions} sessions open (${args.furtherSessions} more)`,
      ),
    )
    const heaps = await requestIsolateHeaps(pid, reportDir)
    const peak = readProcMemory(pid).peak
    const section = formatMemorySection(
      {
        phases,
        sessions: args.sessions,
        furtherSessions: args.furtherSessions,
        heapsBefore,
        heaps,
        vectorBytes: Number(vectors[1]),
        coverageWorkers: Number(process.env.COVERAGE_WORKERS || availableParallelism()),
        peak,
      },
      {
        date: new Date().toISOString().slice(0, 10),
        machine: `${availableParallelism()} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`,
        command: 'npm run bench:memory',
        start: ['node', ...startNodeFlags(root), 'scripts/start.mjs'].join(' '),
        loadBefore,
        windowMs: args.windowMs,
      },
    )
    console.log(`\n${section}`)
    if (args.write) {
      writeFileSync(REPORT, replaceSection(readFileSync(REPORT, 'utf8'), MEMORY_SECTION, section))
      console.log(`wrote ${REPORT}`)
    }
  } finally {
    for (const c of candidates) c.close()
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(reportDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
