/**
 * What one answer costs the whole process in CPU, every thread counted (the main thread, the
 * coverage workers, libuv's pool and the GC's helpers): at many streams at once the two cores are
 * the limit, and a worker's milliseconds are taken from the thread that relays the tokens as surely
 * as the main thread's own. From the answer to its follow-up stored (the real orchestrator, SQLite
 * store, LLM interviewer, prompts and coverage workers; a model that answers one sentence at once:
 * bench/answer-path/fake-llm-client.ts), one answer at a time so nothing else runs meanwhile.
 *
 * - *first answer of a question*: a fresh process's first answer to each question, which builds
 *   the question's profile in the worker it lands on (per question and worker, once);
 * - *steady state*: each answer the first of a new session, about 90 words of labelled answers of
 *   its question (all questions), each sentence made new with a word of its own, so no passage
 *   score is cached (a new candidate's words);
 * - *bench:stream's answer*: the load generator's one answer with its tag, as bench:stream sends
 *   it (only its first sentence is new each time).
 *
 * Process CPU from process.cpuUsage(); the main thread's from /proc/thread-self/schedstat; the
 * rest is the other threads'. p50 / p99 of the answers, and the mean.
 *
 * Run: `npx tsx bench/answer-path/process-cpu.ts [--rounds 4] [--workers 2]`.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterviewOrchestrator } from '../../server/interview/interview-orchestrator.js'
import { createInterviewRuntime } from '../../server/interview/interview-runtime.js'
import { loadPromptLibrary } from '../../server/prompts/prompt-library.js'
import { loadQuestionBank } from '../../server/questions/question-bank.js'
import { SqliteSessionStore } from '../../server/sessions/sqlite-session-store.js'
import { createTextAnalyzer, splitSentences } from '../../server/text/index.js'
import { COVERAGE_LABELS } from '../coverage-labels.js'
import { computePercentile } from '../stream/percentile.js'
import { createInstantLlmClient } from './fake-llm-client.js'
import { openBenchSession } from './open-bench-session.js'
import { readThreadCpuMs } from './thread-cpu.js'

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}
const ROUNDS = arg('--rounds', 4)
const WORKERS = arg('--workers', availableParallelism())
const WARM_ROUNDS = 4

/** The load generator's answer (bench/stream/load-generator.ts), with its tag. */
const streamAnswer = (tag: string) =>
  `(${tag}) I would start by finding out what changed: the deploy log, the config history and the ` +
  'dependency versions for the last week. Then I would look at the dashboards for latency by ' +
  'endpoint and the database slow query log, because a regression that grows over days often ' +
  'points at a table that grows without an index. I would reproduce it in staging with a copy of ' +
  'production data, add a trace around the slow path, and only then change one thing at a time, ' +
  'with a rollback ready and an alert on the p99.'

/** A made-up word of its own for answer `n`, so every sentence of it is new to the caches. */
const ownWord = (n: number) =>
  `q${n.toString(36)}x${((n * 7919) % 1296).toString(36)}`.replace(/\d/g, (d) => 'bcdfghjklm'[+d]!)

const bank = await loadQuestionBank('questions')
const prompts = await loadPromptLibrary()

/** Three labelled answers of the question from `start`, each sentence with the answer's own word. */
function labelledAnswer(questionId: string, start: number, n: number): string {
  const texts = (COVERAGE_LABELS[questionId] ?? []).map((l) => l.text)
  const picked =
    texts.length > 0
      ? [0, 1, 2].map((k) => texts[(start + k) % texts.length]!)
      : [bank.get(questionId)!.framework.steps[0]!.description]
  const word = ownWord(n)
  return picked
    .flatMap((t) => splitSentences(t).map((s) => s.text))
    .map((s) => s.replace(/([.?!])?$/, (end) => ` with ${word}${end || '.'}`))
    .join(' ')
}

const dir = mkdtempSync(join(tmpdir(), 'sparring-process-cpu-'))
const store = SqliteSessionStore.open(join(dir, 'bench.db'), { serverInstance: 'bench' })
const runtime = createInterviewRuntime({
  questions: bank.questions,
  analyzer: createTextAnalyzer(),
  llm: { client: createInstantLlmClient(() => {}), prompts },
  coverageWorkers: WORKERS,
})
const orchestrator = createInterviewOrchestrator({
  store,
  bank,
  ...runtime,
  clock: () => new Date(),
  newId: randomUUID,
  publish: () => {},
})

const openSession = (questionId: string) => openBenchSession(store, orchestrator, questionId)

type Cost = { processMs: number; mainMs: number }

/** One answer, from the command to its follow-up stored: process and main-thread CPU. */
async function answer(sessionId: string, text: string): Promise<Cost> {
  const cpu = process.cpuUsage()
  const main = readThreadCpuMs()
  const result = await orchestrator.handle(
    sessionId,
    { type: 'answer', clientId: randomUUID(), text },
    () => {},
  )
  if (!result.ok) throw new Error(`answer refused: ${result.code}`)
  await orchestrator.idle(sessionId)
  const used = process.cpuUsage(cpu)
  return { processMs: (used.user + used.system) / 1000, mainMs: readThreadCpuMs() - main }
}

/** CPU ms of each thread of this process by its name (/proc/self/task/<tid>/schedstat, ns). */
function readThreads(): Map<string, number> {
  const byName = new Map<string, number>()
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim()
      const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      const key = tid === String(process.pid) ? 'main thread' : `${name} ${tid}`
      byName.set(key, (byName.get(key) ?? 0) + ns / 1e6)
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return byName
}

/** Per answer, CPU ms by thread name over a phase of `answers` answers. */
function threadShares(before: Map<string, number>, answers: number): string {
  const after = readThreads()
  return [...after]
    .map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / answers] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ')
}

const fmt = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0))
function report(label: string, costs: Cost[]) {
  const line = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length
    return `${fmt(computePercentile(values, 50)!)} / ${fmt(computePercentile(values, 99)!)} (mean ${fmt(mean)})`
  }
  const process = costs.map((c) => c.processMs)
  const main = costs.map((c) => c.mainMs)
  const others = costs.map((c) => c.processMs - c.mainMs)
  console.log(
    `${label} (${costs.length} answers): process ${line(process)} ms; main thread ${line(main)}; ` +
      `other threads ${line(others)}`,
  )
}

try {
  const load = loadavg()[0]!
  let n = 0
  // A fresh process: each question's first answer builds its profile where it lands.
  const first: Cost[] = []
  for (const q of bank.questions) {
    first.push(await answer(await openSession(q.id), labelledAnswer(q.id, 0, n++)))
  }
  // Every question's profile in every worker, and the code compiled, as on a server that ran a
  // while (background compilation would otherwise count as the answers' cost).
  for (let w = 0; w < WORKERS + WARM_ROUNDS; w += 1) {
    for (const q of bank.questions) {
      await answer(await openSession(q.id), labelledAnswer(q.id, 3 + w, n++))
    }
  }
  const steady: Cost[] = []
  const threadsBefore = readThreads()
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const q of bank.questions) {
      steady.push(await answer(await openSession(q.id), labelledAnswer(q.id, round * 2, n++)))
    }
  }
  const steadyThreads = threadShares(threadsBefore, steady.length)
  const stream: Cost[] = []
  const q0 = bank.questions[0]!.id
  for (let i = 0; i < ROUNDS * 15; i += 1) {
    stream.push(await answer(await openSession(q0), streamAnswer(`bench-client-0-${i}`)))
  }
  console.log(
    `process CPU per answer, answer to follow-up stored; ${WORKERS} coverage workers; ` +
      `1-minute load average before ${load.toFixed(2)}, after ${loadavg()[0]!.toFixed(2)}`,
  )
  report('first answer of a question', first)
  report('steady state', steady)
  console.log(
    `steady state, ms per answer by thread (opening the sessions included): ${steadyThreads}`,
  )
  report("bench:stream's answer", stream)
} finally {
  await runtime.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}
