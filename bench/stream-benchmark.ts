/**
 * The interview stream under load: a fake OpenAI-compatible server (TTFT 300 ms, 20 tokens/s,
 * 150 tokens), the real server (server/main.ts with the LLM interviewer pointed at the fake) and
 * a load generator, each its own process on 127.0.0.1. For N candidates at a time, each answers
 * once and the follow-up's stream is timed against the fake server's own schedule.
 *
 * Run: `npm run bench:stream` (about a minute). `--levels 10,50` picks the load levels;
 * `--no-write` prints without touching docs/benchmarks.md.
 */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatReportSection } from './stream/format-section.js'
import { formatTable } from './stream/format-report.js'
import { buildReplyTokens, countFirstSentenceWords } from './stream/reply-script.js'
import { parseLevels, type LoadLevel } from './stream/parse-levels.js'
import { replaceSection } from './stream/replace-section.js'
import { spawnScript, waitForLine } from './stream/spawn-script.js'
import type { PhaseSummary } from './stream/summarise-phase.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Interview stream under load'
const FAKE = { ttftMs: 300, tokensPerSec: 20, tokens: 150 }
/** The whole run is killed past this: nothing here may hang a terminal or CI. */
const HARD_LIMIT_MS = 150_000

const args = process.argv.slice(2)
/** `N` or `N@rampMs`: N candidates answering evenly over the ramp (one reply's length by default). */
const DEFAULT_LEVELS = '10,50,100,200,200@1000'
const DEFAULT_RAMP_MS = 8000
const levelsArg = args.includes('--levels') ? args[args.indexOf('--levels') + 1] : undefined
const levels = parseLevels(levelsArg ?? DEFAULT_LEVELS, DEFAULT_RAMP_MS)
const write = !args.includes('--no-write')
const profileArg = args[args.indexOf('--cpu-prof-dir') + 1]
/** `--cpu-prof-dir <dir>`: the server writes a V8 CPU profile there when it stops. */
const serverNodeArgs =
  args.includes('--cpu-prof-dir') && profileArg
    ? ['--cpu-prof', `--cpu-prof-dir=${profileArg}`]
    : []
const children: ChildProcess[] = []

async function runLevel(
  level: LoadLevel,
  phase: number,
  env: Record<string, string>,
): Promise<PhaseSummary> {
  const child = spawnScript('bench/stream/load-generator.ts', {
    ...env,
    BENCH_CLIENTS: String(level.clients),
    BENCH_RAMP_MS: String(level.rampMs),
    BENCH_PHASE: String(phase),
    BENCH_DEADLINE_MS: String(level.rampMs + 25_000),
  })
  children.push(child)
  const match = await waitForLine(child, /BENCH_RESULT (.+)\n/, level.rampMs + 60_000)
  return JSON.parse(match[1]!) as PhaseSummary
}

/** SIGTERM, then SIGKILL after 10 s: the server writes its profile and closes its store on SIGTERM. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

async function main() {
  const loadBefore = loadavg()[0]!
  const dataDir = mkdtempSync(join(tmpdir(), 'sparring-bench-'))
  try {
    const fake = spawnScript('bench/stream/fake-llm-server.ts', {
      FAKE_TTFT_MS: String(FAKE.ttftMs),
      FAKE_TOKENS_PER_SEC: String(FAKE.tokensPerSec),
      FAKE_TOKENS: String(FAKE.tokens),
    })
    children.push(fake)
    const fakePort = (await waitForLine(fake, /FAKE_LLM_LISTENING (\d+)/, 20_000))[1]!
    const server = spawnScript(
      'server/main.ts',
      {
        OPENAI_API_KEY: 'bench',
        OPENAI_BASE_URL: `http://127.0.0.1:${fakePort}/v1`,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LLM_MAX_RETRIES: '0',
      },
      serverNodeArgs,
    )
    children.push(server)
    const port = (
      await waitForLine(server, /Sparring on http:\/\/127\.0\.0\.1:(\d+)\//, 60_000)
    )[1]!
    const baseUrl = `http://127.0.0.1:${port}`
    const { questions } = (await (await fetch(`${baseUrl}/api/questions`)).json()) as {
      questions: Array<{ id: string }>
    }
    const env = {
      BENCH_BASE_URL: baseUrl,
      BENCH_FAKE_URL: `http://127.0.0.1:${fakePort}`,
      BENCH_QUESTION_ID: questions[0]!.id,
      BENCH_SERVER_PID: String(server.pid),
    }
    const rows: PhaseSummary[] = []
    for (const [phase, level] of levels.entries()) {
      const row = await runLevel(level, phase, env)
      rows.push(row)
      console.log(
        `N=${level.clients} over ${level.rampMs} ms: ${row.completed}/${row.clients} turns, ` +
          `${row.errors.length} errors`,
      )
      for (const e of row.errors.slice(0, 3)) console.log(`  ${e}`)
    }
    console.log(`\n${formatTable(rows)}\n`)
    if (write) {
      const section = formatReportSection(rows, {
        date: new Date().toISOString().slice(0, 10),
        cpus: availableParallelism(),
        node: process.version,
        fake: FAKE,
        questionId: questions[0]!.id,
        loadBefore,
        firstSentenceWords: countFirstSentenceWords(buildReplyTokens(FAKE.tokens)),
      })
      writeFileSync(REPORT, replaceSection(readFileSync(REPORT, 'utf8'), SECTION, section))
      console.log(`Wrote the "${SECTION.slice(3)}" section of ${REPORT}.`)
    }
  } finally {
    await Promise.all(children.map((child) => stopChild(child)))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const limit = setTimeout(() => {
  console.error(`Stopped: the benchmark ran past ${HARD_LIMIT_MS / 1000} s.`)
  for (const child of children) child.kill('SIGKILL')
  process.exit(1)
}, HARD_LIMIT_MS)
limit.unref()

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exitCode = 1
  },
)
