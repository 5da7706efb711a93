/**
 * `npm run bench:hardening`: what two defences of issue 11 cost or buy, on this machine.
 *
 * 1. The grading queue: one identity queues three transcripts of 190,000 characters, then
 *    another asks for a small grade. How long the small grade waits, first-come (the grader's
 *    own queue) and in turn (createFairQueue, as createApp wires it), with the real worker
 *    grader (lexical scoring, so a run takes seconds, not minutes; word vectors make every
 *    grade slower, not the order different).
 * 2. The integrity check at start: opening a SQLite file of 5,000 sessions of 20 turns (about
 *    140 MB), PRAGMA quick_check included, and quick_check alone.
 *
 * Medians of `--runs` (default 3). `--no-write` prints without touching docs/benchmarks.md.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { GradableTranscript } from '../server/grading/grade-schema.js'
import type { TranscriptGrader } from '../server/grading/grading-service.js'
import { createWorkerOfflineGrader } from '../server/grading/worker-offline-grader.js'
import { createFairQueue, queueFairly } from '../server/limits/fair-grading-queue.js'
import { runOnBehalfOf } from '../server/limits/on-behalf-of.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import { SqliteSessionStore } from '../server/sessions/sqlite-session-store.js'
import { computePercentile } from './stream/percentile.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## Hardening: grading queue and start-up check'
const args = process.argv.slice(2)
const runsArg = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3
const runs = Number.isInteger(runsArg) && runsArg > 0 ? runsArg : 3
const write = !args.includes('--no-write')
const median = (values: number[]) => Math.round(computePercentile(values, 50) ?? 0)

// The worker grader's thread is unref'd: keep the process up while grades are pending.
const keepAlive = setInterval(() => {}, 1_000)

const bank = await loadQuestionBank('questions')
const question = bank.questions[0]!
const sentences = question.modelAnswer.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20)
const prose = (chars: number) => {
  let text = ''
  for (let i = 0; text.length < chars; i++) text += `${sentences[i % sentences.length]} `
  return text
}
const transcript = (answers: number, chars: number): GradableTranscript => ({
  questionId: question.id,
  turns: Array.from({ length: answers * 2 }, (_, i) => ({
    id: `t${i}`,
    role: i % 2 === 1 ? ('candidate' as const) : ('interviewer' as const),
    text: i % 2 === 1 ? prose(chars) : 'Go on.',
  })),
})
const big = transcript(20, 9_500)
const small = transcript(1, 1_500)
const bigChars = big.turns.reduce((n, t) => n + t.text.length, 0)

const worker = createWorkerOfflineGrader({ clock: () => new Date(), useEmbeddings: false })
await worker.grade(question, small)

/** The small grade's wait behind three big ones of another identity. */
async function smallGradeWait(grader: TranscriptGrader): Promise<number> {
  const as = (ownerId: string, t: GradableTranscript) =>
    runOnBehalfOf({ ownerId, chargeTokens: async () => {} }, () => grader.grade(question, t))
  const bigs = [as('alice', big), as('alice', big), as('alice', big)]
  await new Promise((resolve) => setTimeout(resolve, 5))
  const start = performance.now()
  await as('bob', small)
  const waited = performance.now() - start
  await Promise.all(bigs)
  return waited
}

const load = loadavg()[0]!.toFixed(1)
const firstCome: number[] = []
const inTurn: number[] = []
for (let i = 0; i < runs; i++) {
  firstCome.push(await smallGradeWait(worker))
  inTurn.push(await smallGradeWait(queueFairly(worker, createFairQueue({ concurrency: 1 }))))
}
const bigAlone: number[] = []
for (let i = 0; i < runs; i++) {
  const start = performance.now()
  await worker.grade(question, big)
  bigAlone.push(performance.now() - start)
}
await worker.close()

// The integrity check: a file built through the store (sessions) and in bulk (turns).
const dir = mkdtempSync(join(tmpdir(), 'sparring-bench-check-'))
const path = join(dir, 'sparring.db')
const SESSIONS = 5_000
const setup = SqliteSessionStore.open(path)
await setup.close()
const raw = new Database(path)
raw.pragma('synchronous = OFF')
const addSession = raw.prepare(
  `INSERT INTO sessions (id, owner_id, question_id, mode, focus, options_json, status, parent_id,
     created_at, updated_at) VALUES (?, 'owner', ?, 'mock', NULL, '{}', 'ended', NULL, ?, ?)`,
)
const addTurn = raw.prepare(
  `INSERT INTO turns (session_id, id, seq, role, kind, text, client_id, created_at, completed_at,
     leaks_caught) VALUES (?, ?, ?, 'candidate', 'answer', ?, NULL, ?, ?, 0)`,
)
const now = new Date().toISOString()
raw.transaction(() => {
  for (let s = 0; s < SESSIONS; s++) {
    addSession.run(`s${s}`, question.id, now, now)
    for (let t = 1; t <= 20; t++) addTurn.run(`s${s}`, `t${t}`, t, prose(1_000), now, now)
  }
})()
raw.close()
const megabytes = statSync(path).size / 1e6
const openMs: number[] = []
const checkMs: number[] = []
for (let i = 0; i < runs; i++) {
  const start = performance.now()
  const store = SqliteSessionStore.open(path)
  openMs.push(performance.now() - start)
  await store.close()
  const db = new Database(path, { readonly: true })
  const checkStart = performance.now()
  db.pragma('quick_check')
  checkMs.push(performance.now() - checkStart)
  db.close()
}
rmSync(dir, { recursive: true, force: true })
clearInterval(keepAlive)

const section = `${SECTION}

\`npm run bench:hardening\`, ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, load average ${load} at the start; medians of ${runs} runs.

**Grading queue.** One identity queues three transcripts of ${bigChars.toLocaleString('en')} characters, then another asks for a one-answer grade. Real worker grader, lexical scoring.

| | small grade waited (ms) |
| --- | --- |
| first-come (the grader's own queue) | ${median(firstCome)} |
| in turn (the fair queue createApp wires) | ${median(inTurn)} |
| one big transcript alone, for scale | ${median(bigAlone)} |

In turn, the small grade waits for the one big grade already running and not for the two behind it.

**Integrity check at start.** A SQLite file of ${SESSIONS.toLocaleString('en')} sessions of 20 turns of 1,000 characters (${megabytes.toFixed(0)} MB):

| | ms |
| --- | --- |
| \`SqliteSessionStore.open\`, \`PRAGMA quick_check\` included | ${median(openMs)} |
| \`PRAGMA quick_check\` alone | ${median(checkMs)} |
`
console.log(section)
if (write) writeFileSync(REPORT, replaceSection(readFileSync(REPORT, 'utf8'), SECTION, section))
