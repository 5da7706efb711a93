import { formatTable } from './format-report.js'
import type { PhaseSummary } from './summarise-phase.js'

export type RunInfo = {
  date: string
  cpus: number
  node: string
  fake: { ttftMs: number; tokensPerSec: number; tokens: number }
  questionId: string
  /** The machine's 1-minute load average just before the run: other work skews every figure. */
  loadBefore: number
  /** Words in the reply's first sentence: the leak guard releases it with the next token. */
  firstSentenceWords: number
}

/** The "Interview stream under load" section of docs/benchmarks.md, heading included. */
export function formatReportSection(rows: readonly PhaseSummary[], run: RunInfo): string {
  const { ttftMs, tokensPerSec, tokens } = run.fake
  const firstRelease = ttftMs + (run.firstSentenceWords * 1000) / tokensPerSec
  return `## Interview stream under load

What is measured: the real server (\`server/main.ts\`, SQLite store, LLM interviewer) streaming
follow-up turns to N candidates at once. Three processes on 127.0.0.1: a fake OpenAI-compatible
server (\`bench/stream/fake-llm-server.ts\`: SSE \`chat.completion.chunk\` frames, TTFT ${ttftMs} ms,
${tokensPerSec} tokens/s, ${tokens} one-word tokens a reply in plain sentences, then a usage chunk and
\`data: [DONE]\`), the server, and a load generator (\`bench/stream/load-generator.ts\`). Each
candidate gets a cookie, starts a mock session, opens \`/api/sessions/:id/stream\`, waits for the
scripted opening turn and sends one answer of about 90 words; the answers of a level are spread
evenly over "answers over" (8 s is one reply's length, so about N streams overlap at the end; the
last row is a burst). The fake server records when it wrote each token, keyed by a tag in the
answer (a side channel: the streamed text carries nothing), so every delta is timed against the
model's own schedule on one clock.

Run: \`npm run bench:stream\` (${run.date}, ${run.cpus} CPUs, Node ${run.node}, question
\`${run.questionId}\`, 1-minute load average before the run ${run.loadBefore.toFixed(2)}; about 90 s; \`--levels 10,200@1000\` picks levels, \`--no-write\` leaves this
file alone, \`--cpu-prof-dir <dir>\` profiles the server).

${formatTable(rows)}

Columns (p50 / p99, ms): *first delta*: answer sent to the first \`token-delta\` of the follow-up.
*Answer to model request*: answer sent to the request reaching the fake server (storing the
turn, the coverage map, the prompt). *Turn end beyond model*: \`turn-end\` received minus the fake
server's \`[DONE]\`. *Delta overhead*: a delta received minus the write of the token that released
it (what the server adds per token it relays). *Sentence hold*: a delta received minus the write
of its first word. *Gap between deltas*: consecutive deltas of one turn (a sentence's length at
${tokensPerSec} tokens/s: 450-850 ms for 9-17 words). *Server CPU*: /proc user+system time of the server over the answer window
(one core = 100 %). *RSS*: at the end of the level; the peak is the word-vector load at start.
*Lost / reordered*: broadcast seqs on each socket that skipped or went back (each must be the
previous + 1); *text mismatches*: turns whose deltas did not add up to the stored \`turn.text\` or
to the fake reply word for word.

What it shows:

- **The leak guard sets the time to first text, by design.** It releases a sentence only when
  the token after its full stop arrives, so the first delta comes about ${ttftMs} ms +
  ${run.firstSentenceWords} tokens / ${tokensPerSec} per s = ${firstRelease} ms after the model request
  (plus the time before the request) instead of at the first token (${ttftMs} ms): about
  ${firstRelease - ttftMs} ms later at ${tokensPerSec} tokens/s, and a turn arrives as about 12 sentence-sized
  deltas, each word held 0.6 s at p50 and up to a sentence's length. It is the price of never
  showing a copied sentence of the model answer; a faster model shortens it in proportion.
- **Relaying itself is cheap and lossless.** Below saturation a delta leaves the server about
  1 ms after the token that released it (p50), and the turn ends a few ms after \`[DONE]\`
  (storing the turn). No seq was lost or reordered and every turn's deltas added up to its text,
  in every run, the burst included.
- **The answer path, not the stream, is the bottleneck.** Each answer costs 25-40 ms of
  main-thread CPU before the model is called, almost all of it the coverage map
  (\`computeCoverageMap\` -> text-analyzer \`similarity\`, from a server CPU profile with
  \`--cpu-prof-dir\`), and it runs synchronously inside the microtask chain of the socket's
  message (the SQLite store's awaits never yield to I/O). So one server takes roughly 25-35
  answers a second; the CPU column is mostly this work. N = 200 over 8 s (25 answers/s) sits at
  that edge: across seven runs on 2026-11-29 before the one-answer-per-loop-turn change, its p50
  first delta was 1.04-1.64 s and its p99 delta overhead 43-450 ms, depending on what else the
  machine was doing (the run in the table is after it). In a burst (200
  answers in 1 s) the work queues for seconds: the model request waits up to 4.5-7.9 s (p99).
- **A burst no longer stalls the streams already running.** Before commit "Coverage work runs
  one answer per event-loop turn", every answer read in one event-loop turn was computed before
  the loop polled again: in five of seven bursts the turns already streaming stalled too, delta
  overhead p99 3.1-6.6 s (53 and 61 ms in the other two). Now the orchestrator builds one
  answer's context per loop turn, so the sockets are polled between answers: delta overhead p99
  39 and 58 ms in the two bursts run since (the table's last row is one). The queue before the
  model request is unchanged: the work still has to be done, and moving the coverage map to a
  worker thread (as the offline grader is) is the next lever. Real candidates answer about once
  a minute each, so 25 answers a second is about 1,500 live interviews.

Caveats: one machine of ${run.cpus} cores for all three processes (the load generator and the fake
server take CPU from the server, unlike the bare-relay notes where the relay had a core to
itself); one answer per session, so every answer pays the first-answer coverage cost (later
answers reuse cached passage scores); the fake reply never triggers the leak guard's rewrite; the
percentiles of a level of 10 rest on 10 turns (about 120 deltas); other work on the machine
(other sessions' tests) moves the loaded rows a lot between runs, hence the load average above.
`
}
