/**
 * The interview stream under load, side by side with its floors: a fake OpenAI-compatible server
 * (TTFT 300 ms, one reply of 7.5 s), a load generator, and in between either nothing (direct
 * clients reading the fake with the openai SDK: the floor), a bare relay (bench/stream/bare-relay.ts:
 * SDK stream to one WebSocket frame per token) or Sparring (server/main.ts with the LLM
 * interviewer pointed at the fake), each its own process on 127.0.0.1. For rising N, N clients
 * ask for one reply each, spread over one reply's length, and every piece of text is timed
 * against the fake server's own schedule. Each mode climbs until a level's added p99 reaches the
 * limit (20 ms), then runs the level halfway between its largest passing N and that failing one,
 * keeping the half that holds the boundary, up to three times (bench/stream/refine-levels.ts).
 *
 * Run: `npm run bench:stream` (about 22 minutes on a quiet machine of 2 cores). Flags: `--tokens-per-second 20,5` the model's
 * speeds; `--levels 25,50,100` the N to climb (default per speed); `--modes direct,relay,sparring`;
 * `--burst 200@1000` the Sparring burst run at the first speed (`--no-burst` skips it);
 * `--all-levels` keeps climbing past a failure; `--retries 0` gives a failing level no second try;
 * `--refine 3` levels run between the largest passing N and the first failing one (0: none);
 * `--memory-sessions 500` idle sessions opened
 * for memory per open session (0 to skip); `--reply-seconds 7.5`; `--limit-ms 20`;
 * `--no-write` prints without touching docs/benchmarks.md; `--cpu-prof-dir <dir>` profiles Sparring
 * and the bare relay (one .cpuprofile per thread, named by pid; see bench/stream/cpu-profile-summary.ts).
 */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEarlyLeakGuard } from '../server/interview/early-leak-guard.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import { startNodeFlags } from './shared/start-node-flags.js'
import { parseBenchArgs, type BenchMode } from './stream/bench-args.js'
import { formatReportSection, type SpeedRun } from './stream/format-section.js'
import { formatDetailTable } from './stream/format-report.js'
import { computeReleaseSchedule, summariseHolds } from './stream/release-schedule.js'
import { buildReplyTokens, countFirstSentenceWords } from './stream/reply-script.js'
import type { LoadLevel } from './stream/parse-levels.js'
import { searchLevels } from './stream/refine-levels.js'
import { replaceSection } from './stream/replace-section.js'
import { spawnScript, waitForLine } from './stream/spawn-script.js'
import type { PhaseSummary } from './stream/summarise-phase.js'
import type { OpenSessions } from './stream/speed-summary.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Interview stream under load'
const TTFT_MS = 300

const options = parseBenchArgs(process.argv.slice(2))
/** The whole run is killed past this: nothing here may hang a terminal or CI. */
const HARD_LIMIT_MS = 40 * 60_000
const profileArgs = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []
/**
 * Sparring runs with the node flags of `npm start` (package.json, the one place they are set:
 * --max-semi-space-size=4 changes how often the young generation is collected, so CPU figures
 * without it are not production's). The bare relay gets the same, to stay comparable.
 */
const serverNodeArgs = [...startNodeFlags(), ...profileArgs]
const children: ChildProcess[] = []
let phase = 0

type Target = { mode: BenchMode; url?: string; pid?: number; releasedWords?: number[] }

async function runLevel(
  level: LoadLevel,
  target: Target,
  env: Record<string, string>,
  replyMs: number,
): Promise<PhaseSummary> {
  // Sparring's clients each open a session and read its opening first: allow for it.
  const connectMs = target.mode === 'sparring' ? level.clients * 60 : 0
  const deadlineMs = connectMs + level.rampMs + replyMs + 30_000
  const child = spawnScript('bench/stream/load-generator.ts', {
    ...env,
    BENCH_MODE: target.mode,
    ...(target.url ? { BENCH_TARGET_URL: target.url } : {}),
    ...(target.pid ? { BENCH_SERVER_PID: String(target.pid) } : {}),
    ...(target.releasedWords ? { BENCH_RELEASED_WORDS: JSON.stringify(target.releasedWords) } : {}),
    BENCH_CLIENTS: String(level.clients),
    BENCH_RAMP_MS: String(level.rampMs),
    BENCH_PHASE: String(phase++),
    BENCH_DEADLINE_MS: String(deadlineMs),
  })
  children.push(child)
  const match = await waitForLine(child, /BENCH_RESULT (.+)\n/, deadlineMs + 30_000)
  return JSON.parse(match[1]!) as PhaseSummary
}

/** Opens `sessions` idle sessions (sockets for the bare relay) and reads the server's RSS around it. */
async function measureOpenSessions(
  target: Target,
  sessions: number,
  env: Record<string, string>,
): Promise<OpenSessions> {
  const child = spawnScript('bench/stream/load-generator.ts', {
    ...env,
    BENCH_MODE: target.mode,
    BENCH_ONLY_OPEN: '1',
    ...(target.url ? { BENCH_TARGET_URL: target.url } : {}),
    ...(target.pid ? { BENCH_SERVER_PID: String(target.pid) } : {}),
    BENCH_CLIENTS: String(sessions),
    BENCH_PHASE: String(phase++),
    BENCH_DEADLINE_MS: String(30_000 + sessions * 60),
  })
  children.push(child)
  const match = await waitForLine(child, /BENCH_OPEN (.+)\n/, 60_000 + sessions * 60)
  return JSON.parse(match[1]!) as OpenSessions
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

const passes = (row: PhaseSummary) =>
  row.completed === row.clients &&
  row.deltaOverheadMs.p99 !== null &&
  row.deltaOverheadMs.p99 < options.limitMs

function log(label: string, row: PhaseSummary) {
  console.log(
    `  ${label} N=${row.clients}: ${row.completed}/${row.clients} replies, added p50/p99 ` +
      `${row.deltaOverheadMs.p50?.toFixed(1)} / ${row.deltaOverheadMs.p99?.toFixed(1)} ms, ` +
      `${row.errors.length} errors`,
  )
  for (const e of row.errors.slice(0, 3)) console.log(`    ${e}`)
  // How many of each kind (the tag before the colon left out), so a level that lost every
  // reply says whether they failed before the answer or after it.
  const kinds = new Map<string, number>()
  for (const e of row.errors) {
    const kind = e.replace(/^[^:]*: /, '')
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }
  if (kinds.size > 1) for (const [kind, n] of kinds) console.log(`    ${n} x ${kind}`)
}

/** Runs one level; a failing level is run once more (--retries 0 to not) and passes if that try does. */
async function runTried(
  level: LoadLevel,
  target: Target,
  env: Record<string, string>,
  replyMs: number,
): Promise<PhaseSummary> {
  const row = await runLevel(level, target, env, replyMs)
  log(target.mode, row)
  if (passes(row) || options.retries === 0) return row
  // On a shared machine a stall from other work can fail a level by chance; a real limit
  // fails the second try too. The table says which levels passed only at the second try.
  const again = await runLevel(level, target, env, replyMs)
  log(`${target.mode} (second try)`, again)
  return passes(again) ? { ...again, firstTryAddedP99Ms: row.deltaOverheadMs.p99 } : row
}

/**
 * Climbs the levels for one mode, stopping after the first that fails (unless --all-levels),
 * then refines between the largest passing N and the first failing one (--refine).
 */
async function climb(
  target: Target,
  levels: readonly LoadLevel[],
  env: Record<string, string>,
  replyMs: number,
  open: Map<BenchMode, OpenSessions>,
): Promise<PhaseSummary[]> {
  // A short level first, not reported: the first requests of a fresh process pay for compiling
  // its code and opening its connections (and Sparring's for its coverage workers' first maps).
  await runLevel(
    { clients: Math.min(10, levels[0]?.clients ?? 10), rampMs: 1000 },
    target,
    env,
    replyMs,
  )
  // Memory per open session next, while the warmed process has not yet grown its heap for the
  // levels (room left by a larger level hides what new sessions take); once per mode: it does
  // not depend on the model's speed.
  if (target.mode !== 'direct' && options.memorySessions > 0 && !open.has(target.mode)) {
    open.set(target.mode, await measureOpenSessions(target, options.memorySessions, env))
  }
  // The climb's levels double, so its largest passing N may sit anywhere below the first
  // failing one: the search then halves that gap a few times (--refine), each level with its retry.
  const rampMs = levels[0]?.rampMs ?? 0
  return searchLevels(
    levels.map((l) => l.clients),
    (clients) => runTried({ clients, rampMs }, target, env, replyMs),
    passes,
    options,
  )
}

async function startSparring(fakePort: string, dataDir: string) {
  const server = spawnScript(
    'server/main.ts',
    {
      OPENAI_API_KEY: 'bench',
      OPENAI_BASE_URL: `http://127.0.0.1:${fakePort}/v1`,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LLM_MAX_RETRIES: '0',
      // Every simulated candidate comes from 127.0.0.1: the bench measures the stream, not the
      // rate limits, so they are raised out of its way.
      SESSIONS_PER_MINUTE: '1000000',
      ANSWERS_PER_MINUTE: '1000000',
      ADDRESS_LIMIT_FACTOR: '1',
      LLM_DAILY_TOKEN_BUDGET: '0',
    },
    serverNodeArgs,
  )
  children.push(server)
  const port = (await waitForLine(server, /Sparring on http:\/\/127\.0\.0\.1:(\d+)\//, 90_000))[1]!
  return { server, baseUrl: `http://127.0.0.1:${port}` }
}

/** Idle-session memory by mode, measured at the first speed a mode runs and shown at every one. */
const open = new Map<BenchMode, OpenSessions>()

async function runSpeed(tokensPerSec: number, questionId: string, modelAnswer: string) {
  const tokens = Math.round(tokensPerSec * options.replySeconds)
  const replyMs = TTFT_MS + (tokens * 1000) / tokensPerSec
  const rampMs = Math.round(replyMs)
  const levels = (options.levels ?? options.defaultLevels(tokensPerSec)).map((clients) => ({
    clients,
    rampMs,
  }))
  console.log(`\n${tokensPerSec} tokens/s, ${tokens} tokens a reply, answers over ${rampMs} ms`)
  const fake = spawnScript('bench/stream/fake-llm-server.ts', {
    FAKE_TTFT_MS: String(TTFT_MS),
    FAKE_TOKENS_PER_SEC: String(tokensPerSec),
    FAKE_TOKENS: String(tokens),
  })
  children.push(fake)
  const fakePort = (await waitForLine(fake, /FAKE_LLM_LISTENING (\d+)/, 20_000))[1]!
  const env = { BENCH_FAKE_URL: `http://127.0.0.1:${fakePort}`, BENCH_QUESTION_ID: questionId }
  const rows = new Map<BenchMode, PhaseSummary[]>()
  let burst: PhaseSummary | null = null
  try {
    for (const mode of options.modes) {
      if (mode === 'direct') rows.set(mode, await climb({ mode }, levels, env, replyMs, open))
      if (mode === 'relay') {
        const relay = spawnScript(
          'bench/stream/bare-relay.ts',
          { BARE_RELAY_MODEL_URL: `http://127.0.0.1:${fakePort}/v1` },
          serverNodeArgs,
        )
        children.push(relay)
        const port = (await waitForLine(relay, /BARE_RELAY_LISTENING (\d+)/, 20_000))[1]!
        const target = { mode, url: `ws://127.0.0.1:${port}`, pid: relay.pid }
        rows.set(mode, await climb(target, levels, env, replyMs, open))
        await stopChild(relay)
      }
      if (mode === 'sparring') {
        const dataDir = mkdtempSync(join(tmpdir(), 'sparring-bench-'))
        try {
          const { server, baseUrl } = await startSparring(fakePort, dataDir)
          const guard = createEarlyLeakGuard(modelAnswer)
          const target = {
            mode,
            url: baseUrl,
            pid: server.pid,
            releasedWords: computeReleaseSchedule(buildReplyTokens(tokens), (t) => guard.push(t)),
          }
          rows.set(mode, await climb(target, levels, env, replyMs, open))
          if (options.burst && tokensPerSec === options.speeds[0]) {
            burst = await runLevel(options.burst, target, env, replyMs)
            console.log(
              `  burst ${options.burst.clients}@${options.burst.rampMs}: model request p99 ` +
                `${burst.toModelMs.p99?.toFixed(0)} ms, added p99 ${burst.deltaOverheadMs.p99?.toFixed(1)} ms`,
            )
          }
          await stopChild(server)
        } finally {
          rmSync(dataDir, { recursive: true, force: true })
        }
      }
    }
  } finally {
    await stopChild(fake)
  }
  const firstSentenceWords = countFirstSentenceWords(buildReplyTokens(tokens))
  const guard = createEarlyLeakGuard(modelAnswer)
  const guardHolds = summariseHolds(
    computeReleaseSchedule(buildReplyTokens(tokens), (t) => guard.push(t)),
  )
  return { tokensPerSec, tokens, rampMs, rows, burst, firstSentenceWords, guardHolds, open }
}

async function main() {
  const loadBefore = loadavg()[0]!
  const startedAt = Date.now()
  const bank = await loadQuestionBank('questions')
  const question = bank.questions[0]!
  const runs: SpeedRun[] = []
  for (const speed of options.speeds) {
    runs.push(await runSpeed(speed, question.id, question.modelAnswer))
  }
  for (const run of runs) {
    console.log(`\n${run.tokensPerSec} tokens/s\n${formatDetailTable(run)}`)
  }
  const section = formatReportSection(runs, {
    date: new Date().toISOString().slice(0, 10),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown CPU',
    node: process.version,
    ttftMs: TTFT_MS,
    questionId: question.id,
    loadBefore,
    minutes: (Date.now() - startedAt) / 60_000,
    limitMs: options.limitMs,
    retries: options.retries,
    refine: options.refine,
    command: [
      'npm run bench:stream',
      ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
    ].join(' '),
  })
  console.log(`\n${section}`)
  if (options.write) {
    writeFileSync(REPORT, replaceSection(readFileSync(REPORT, 'utf8'), SECTION, section))
    console.log(`Wrote the "${SECTION.slice(3)}" section of ${REPORT}.`)
  }
}

const limit = setTimeout(() => {
  console.error(`Stopped: the benchmark ran past ${HARD_LIMIT_MS / 60_000} minutes.`)
  for (const child of children) child.kill('SIGKILL')
  process.exit(1)
}, HARD_LIMIT_MS)
limit.unref()

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    for (const child of children) child.kill('SIGKILL')
    process.exitCode = 1
  },
)
