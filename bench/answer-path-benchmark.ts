/**
 * The answer path on the main thread: what storing a candidate's answer and calling the model
 * cost the thread that relays every stream, with the coverage map computed on that thread
 * (COVERAGE_WORKERS=0) and on a worker pool of one worker per core (the default), in one run.
 *
 * In process, no sockets: the real orchestrator, SQLite store, LLM interviewer and prompts, and a
 * model that answers at once (bench/answer-path/fake-llm-client.ts). Each answer is the first of a
 * new session (about 90 words from the labelled coverage answers of its question, all 15
 * questions), so no passage score is cached; each question's profile is built before timing.
 * - Sequential: one answer at a time. *Main thread* is the event loop's active time from the
 *   answer to the model request (performance.eventLoopUtilization), *wall* the elapsed time.
 * - Burst: BURST answers over one second while a 10 ms interval timer stands in for a running stream's
 *   relay: its lateness is what a token arriving during the burst would wait.
 *
 * Run: `npm run bench:answer-path` (about a minute). `--no-write` prints only; `--workers-only`
 * skips the main-thread mode (for a CPU profile of the default).
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterviewOrchestrator } from '../server/interview/interview-orchestrator.js'
import { createInterviewRuntime } from '../server/interview/interview-runtime.js'
import { loadPromptLibrary } from '../server/prompts/prompt-library.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import { SqliteSessionStore } from '../server/sessions/sqlite-session-store.js'
import { createTextAnalyzer } from '../server/text/index.js'
import { createInstantLlmClient } from './answer-path/fake-llm-client.js'
import { openBenchSession } from './answer-path/open-bench-session.js'
import { readThreadCpuMs } from './answer-path/thread-cpu.js'
import { timeStoreCalls } from './answer-path/timed-store.js'
import { COVERAGE_LABELS } from './coverage-labels.js'
import { computePercentile } from './stream/percentile.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Answer path on the main thread'
const SEQUENTIAL_ROUNDS = 3
const BURST = 200
const BURST_WINDOW_MS = 1000
const write = !process.argv.includes('--no-write')

const bank = await loadQuestionBank('questions')
const prompts = await loadPromptLibrary()
const answersByQuestion = new Map(
  bank.questions.map((q) => {
    const texts = (COVERAGE_LABELS[q.id] ?? []).map((l) => l.text)
    // Three labelled answers joined: about 90 words, as one spoken answer.
    const answers = [0, 3, 6].map((i) => texts.slice(i, i + 3).join(' ')).filter((t) => t)
    return [q.id, answers.length > 0 ? answers : [q.framework.steps[0]!.description]] as const
  }),
)

type Mode = { label: string; workers: number }
type ModeResult = {
  mode: Mode
  mainMs: number[]
  cpuMs: number[]
  storeMs: number[]
  wallMs: number[]
  burstToModelMs: number[]
  tickerLateMs: number[]
}

async function measure(mode: Mode, store: SqliteSessionStore): Promise<ModeResult> {
  /** Per answer tag: called when the model is asked, with the main thread's active ms so far. */
  const waiting = new Map<
    string,
    (at: { wall: number; active: number; store: number; cpu: number }) => void
  >()
  const timed = timeStoreCalls(store)
  let eluStart = performance.eventLoopUtilization()
  const llm = createInstantLlmClient((text) => {
    const tag = /answer-tag-[0-9a-f-]+/.exec(text)?.[0]
    const done = tag ? waiting.get(tag) : undefined
    if (tag && done) {
      waiting.delete(tag)
      done({
        wall: performance.now(),
        active: performance.eventLoopUtilization(eluStart).active,
        store: timed.spentMs(),
        cpu: readThreadCpuMs(),
      })
    }
  })
  const runtime = createInterviewRuntime({
    questions: bank.questions,
    analyzer: createTextAnalyzer(),
    llm: { client: llm, prompts },
    coverageWorkers: mode.workers,
  })
  const orchestrator = createInterviewOrchestrator({
    store: timed.store,
    bank,
    ...runtime,
    clock: () => new Date(),
    newId: randomUUID,
    publish: () => {},
  })
  try {
    // Every question's profile built (in every worker) before timing, as on a server that ran a while.
    await Promise.all(
      bank.questions.flatMap((q) =>
        Array.from({ length: Math.max(1, mode.workers) }, () =>
          runtime.coverage.snapshot(q, answersByQuestion.get(q.id)!.slice(0, 1), null),
        ),
      ),
    )
    const openSession = (questionId: string) => openBenchSession(store, orchestrator, questionId)
    const answer = async (sessionId: string, questionId: string, i: number) => {
      const tag = `answer-tag-${randomUUID()}`
      const answers = answersByQuestion.get(questionId)!
      const text = `${answers[i % answers.length]} (${tag})`
      const asked = new Promise<{ wall: number; active: number; store: number; cpu: number }>(
        (resolve) => waiting.set(tag, resolve),
      )
      const startWall = performance.now()
      const startActive = performance.eventLoopUtilization(eluStart).active
      const startStore = timed.spentMs()
      const startCpu = readThreadCpuMs()
      const result = await orchestrator.handle(
        sessionId,
        { type: 'answer', clientId: tag, text },
        () => {},
      )
      if (!result.ok) throw new Error(`answer refused: ${result.code}`)
      const at = await asked
      await orchestrator.idle(sessionId)
      return {
        wallMs: at.wall - startWall,
        mainMs: at.active - startActive,
        storeMs: at.store - startStore,
        cpuMs: at.cpu - startCpu,
      }
    }

    const mainMs: number[] = []
    const cpuMs: number[] = []
    const storeMs: number[] = []
    const wallMs: number[] = []
    for (let round = 0; round < SEQUENTIAL_ROUNDS; round += 1) {
      for (const q of bank.questions) {
        const id = await openSession(q.id)
        eluStart = performance.eventLoopUtilization()
        const timing = await answer(id, q.id, round)
        mainMs.push(timing.mainMs)
        cpuMs.push(timing.cpuMs)
        storeMs.push(timing.storeMs)
        wallMs.push(timing.wallMs)
      }
    }

    const burstSessions: Array<{ id: string; questionId: string }> = []
    for (let i = 0; i < BURST; i += 1) {
      const q = bank.questions[i % bank.questions.length]!
      burstSessions.push({ id: await openSession(q.id), questionId: q.id })
    }
    const tickerLateMs: number[] = []
    let expected = performance.now() + 10
    const ticker = setInterval(() => {
      const now = performance.now()
      tickerLateMs.push(Math.max(0, now - expected))
      expected = now + 10
    }, 10)
    eluStart = performance.eventLoopUtilization()
    // Spread over one second, each answer in its own timer callback as a socket read would be.
    const burst = await Promise.all(
      burstSessions.map(
        (s, i) =>
          new Promise<{ wallMs: number; mainMs: number; storeMs: number; cpuMs: number }>(
            (resolve, reject) =>
              setTimeout(
                () => answer(s.id, s.questionId, i).then(resolve, reject),
                (i * BURST_WINDOW_MS) / BURST,
              ),
          ),
      ),
    )
    clearInterval(ticker)
    return {
      mode,
      mainMs,
      cpuMs,
      storeMs,
      wallMs,
      burstToModelMs: burst.map((b) => b.wallMs),
      tickerLateMs,
    }
  } finally {
    await runtime.close()
  }
}

const p = (values: number[], q: number) => computePercentile(values, q) ?? Number.NaN
const fmt = (v: number) => (v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'))
const pair = (values: number[]) => `${fmt(p(values, 50))} / ${fmt(p(values, 99))}`

function formatSection(results: ModeResult[], info: { date: string; load: number }): string {
  const rows = results.map(
    (r) =>
      `| ${r.mode.label} | ${pair(r.cpuMs)} | ${pair(r.mainMs)} | ${pair(r.storeMs)} | ${pair(r.wallMs)} | ${pair(r.burstToModelMs)} | ${pair(r.tickerLateMs)} / ${fmt(Math.max(...r.tickerLateMs))} |`,
  )
  const [main, pool] = results
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : 'n/a')
  return `${SECTION}

What is measured: what a candidate's answer costs the thread that relays every stream, from the
answer to the model request (storing the turn, the coverage map, the prompt), with the coverage
map computed on that thread and on worker threads (\`COVERAGE_WORKERS\`, one per core by
default), in one run. In process: the real orchestrator, SQLite store, LLM interviewer and
prompts, and a model that answers at once. Each answer is the first of a new session, about 90
words from the labelled coverage answers of its question (all ${bank.questions.length} questions,
${SEQUENTIAL_ROUNDS} rounds), so no passage score is cached; question profiles are built before
timing. *Main-thread CPU*: the main thread's time on a CPU from the answer to the model request
(\`/proc/thread-self/schedstat\`: the work itself, whatever else holds the cores). *Busy (wall)*:
the event loop's active time over the same span (\`performance.eventLoopUtilization\`, which
also counts waiting for a core and for the disk); *in store calls*: the part of it inside the
session store.
*Burst*: ${BURST} answers over ${BURST_WINDOW_MS / 1000} s, answer to model request,
while a 10 ms interval timer stands in for a running stream's relay: *timer late* is how long a
token arriving during the burst would wait.

Run: \`npm run bench:answer-path\` (${info.date}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, 1-minute load average before the run ${info.load.toFixed(2)}).

| coverage map on | main-thread CPU per answer, p50 / p99 (ms) | main thread busy (wall), p50 / p99 (ms) | in store calls (wall, fsync included) (ms) | answer to model request, p50 / p99 (ms) | burst of ${BURST}: answer to model request, p50 / p99 (ms) | burst: timer late, p50 / p99 / max (ms) |
|---|---|---|---|---|---|---|
${rows.join('\n')}

${main && pool ? `Main-thread CPU per answer: ${fmt(p(main.cpuMs, 50))} ms at p50 with the coverage map on the main thread, ${fmt(p(pool.cpuMs, 50))} ms with the workers (${ratio(p(main.cpuMs, 50), p(pool.cpuMs, 50))}x less; p99 ${fmt(p(main.cpuMs, 99))} against ${fmt(p(pool.cpuMs, 99))} ms). The maps are the same either way (tests/server/interview/coverage-worker-pool.test.ts). What the main thread still spends is the store, the injection check and the prompt. The SQLite store commits two turns per answer (the answer, then the interviewer's empty turn); the fsync that makes each durable runs on libuv's thread pool and is shared by the writes made meanwhile (group commit), so *in store calls* is mostly the wait for it, not main-thread time: before that change the fsyncs ran inside each commit on this thread (\`synchronous = FULL\`), and a burst queued behind them.` : ''}

Caveats: on a machine shared with other work (the load average above) every wall time moves a
lot between runs; the main-thread time moves much less.
`
}

async function main() {
  const load = loadavg()[0]!
  const dir = mkdtempSync(join(tmpdir(), 'sparring-answer-path-'))
  const store = SqliteSessionStore.open(join(dir, 'bench.db'), { serverInstance: 'bench' })
  try {
    const modes: Mode[] = [
      { label: 'the main thread (`COVERAGE_WORKERS=0`)', workers: 0 },
      { label: `${availableParallelism()} workers (default)`, workers: availableParallelism() },
    ].filter((m) => !process.argv.includes('--workers-only') || m.workers > 0)
    const results: ModeResult[] = []
    for (const mode of modes) {
      const r = await measure(mode, store)
      console.log(
        `${mode.label}: main-thread CPU ${pair(r.cpuMs)} ms, busy ${pair(r.mainMs)} ms ` +
          `(store ${pair(r.storeMs)}), wall ${pair(r.wallMs)} ms; burst ` +
          `${pair(r.burstToModelMs)} ms, timer late ${pair(r.tickerLateMs)} ms`,
      )
      results.push(r)
    }
    const section = formatSection(results, { date: new Date().toISOString().slice(0, 10), load })
    console.log(`\n${section}`)
    if (write) {
      writeFileSync(REPORT, replaceSection(readFileSync(REPORT, 'utf8'), SECTION, section))
      console.log(`wrote ${REPORT}`)
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
