import { LEAK_HOLD_RUN_WORDS } from '../../server/interview/leak-guard.js'
import { formatDetailTable, formatSummaryTable } from './format-report.js'
import { summariseSpeed, type SpeedRun } from './speed-summary.js'

export type { SpeedRun } from './speed-summary.js'

export type RunInfo = {
  date: string
  cpus: number
  cpuModel: string
  node: string
  ttftMs: number
  questionId: string
  /** The machine's 1-minute load average just before the run: other work skews every figure. */
  loadBefore: number
  minutes: number
  limitMs: number
  retries: number
  /** Levels run at most between the largest passing N and the first failing one. */
  refine: number
  command: string
}

const yes = (ok: boolean) => (ok ? 'met' : 'not met')

/** Target lines computed from the run, so the section never claims what the tables do not show. */
function targetLines(runs: readonly SpeedRun[], limitMs: number): string[] {
  const lines: string[] = []
  for (const run of runs) {
    const sparring = summariseSpeed(run, limitMs).find((m) => m.mode === 'sparring')
    if (!sparring) continue
    const share = sparring.shareOfFloor
    if (share)
      lines.push(
        `- ${run.tokensPerSec} tokens/s: Sparring's largest N is ${share.ratio.toFixed(2)} of the floor's ` +
          `(${share.bound}; target >= 0.8: ${yes(share.ratio >= 0.8 && share.bound !== 'at most')}).`,
      )
    const first = sparring.firstTextBeyondModelMs.p50
    // The token after the first sentence's last word comes this long after the first token: text
    // that waits for it is released a sentence at a time.
    const sentenceMs = (run.firstSentenceWords * 1000) / run.tokensPerSec
    if (first !== null && first >= sentenceMs)
      lines.push(
        `- ${run.tokensPerSec} tokens/s: the first text waits for the end of the reply's first sentence ` +
          `(${run.firstSentenceWords} words; the next token comes ${Math.round(sentenceMs)} ms after the first): ` +
          `Sparring releases the reply a sentence at a time, and each word waits ${Math.round(sparring.wordHoldMs.p50 ?? 0)} ms at p50 ` +
          `(target <= 20 ms on ordinary text: ${yes((sparring.wordHoldMs.p50 ?? Infinity) <= 20)}).`,
      )
    if (first !== null)
      lines.push(
        `- ${run.tokensPerSec} tokens/s: first text ${Math.round(first)} ms after the model's first token at p50 ` +
          `(N = ${sparring.atClients}; target <= 30 ms: ${yes(first <= 30)}).`,
      )
    const hold = sparring.wordHoldMs.p50
    const guard = run.guardHolds
    if (first !== null && hold !== null && guard?.firstReleaseToken != null) {
      const tokenMs = 1000 / run.tokensPerSec
      const guardFirstMs = guard.firstReleaseToken * tokenMs
      lines.push(
        `- ${run.tokensPerSec} tokens/s: each word held ${Math.round(hold)} ms at p50 (target <= 20 ms: ${yes(hold <= 20)}). ` +
          `The leak guard's own schedule on the fake reply, replayed offline, lets the first word go ` +
          `${guard.firstReleaseToken} token(s) after it arrives (${Math.round(guardFirstMs)} ms at this speed) and holds the median word ` +
          `${guard.medianHoldTokens ?? 'n/a'} token(s) (${guard.medianHoldTokens === null ? 'n/a' : Math.round(guard.medianHoldTokens * tokenMs)} ms), by design: a word is sent as it arrives unless it ` +
          `makes a run of ${LEAK_HOLD_RUN_WORDS} or more words of the model answer that could still become a 12-word copy, which waits for the word that shows it does not. ` +
          `The server adds ${Math.round(first - guardFirstMs)} ms to the guard's first release.`,
      )
    }
    if (run.burst) {
      const b = run.burst
      const req = b.toModelMs.p99
      const added = b.deltaOverheadMs.p99
      lines.push(
        `- Burst of ${b.clients} answers in ${b.rampMs / 1000} s at ${run.tokensPerSec} tokens/s: model request p99 ` +
          `${req === null ? 'n/a' : `${(req / 1000).toFixed(2)} s`} (target <= 1.5 s: ${yes(req !== null && req <= 1500)}), ` +
          `added p99 ${added === null ? 'n/a' : `${Math.round(added)} ms`} (target <= ${limitMs} ms: ${yes(added !== null && added <= limitMs)}).`,
      )
    }
  }
  return lines
}

/** The "Interview stream under load" section of docs/benchmarks.md, heading included. */
export function formatReportSection(runs: readonly SpeedRun[], run: RunInfo): string {
  const speeds = runs
    .map(
      (r) =>
        `${r.tokensPerSec} tokens/s (${r.tokens} one-word tokens a reply, requests over ${r.rampMs / 1000} s)`,
    )
    .join(' and ')
  const details = runs
    .map((r) => `At ${r.tokensPerSec} tokens/s:\n\n${formatDetailTable(r)}`)
    .join('\n\n')
  return `## Interview stream under load

What is measured: how many streams at once each of three ways of serving a model's stream holds
while adding under ${run.limitMs} ms at p99 to every piece of text, on the same fake model and the
same load generator. Each is its own process on 127.0.0.1: a fake OpenAI-compatible server
(\`bench/stream/fake-llm-server.ts\`: SSE \`chat.completion.chunk\` frames, first token at
${run.ttftMs} ms, then one word a token at ${speeds}, plain sentences, then a usage chunk and
\`data: [DONE]\`), the load generator (\`bench/stream/load-generator.ts\`), and between them:

- **direct clients (the floor)**: the load generator's clients read the fake's stream
  themselves with the openai SDK;
- **bare relay** (\`bench/stream/bare-relay.ts\`): the openai SDK's stream (its default fetch,
  undici; Sparring reads the stream over node:http) to one WebSocket frame per token, nothing else
  (run with the same node flags as Sparring);
- **Sparring** (\`server/main.ts\`, run by node with the flags of \`npm start\`, read from
  package.json's \`start\` script, e.g. \`--max-semi-space-size=4\`; SQLite store, LLM
  interviewer pointed at the fake, leak guard, coverage workers; rate limits raised, as every client comes from one address): each
  candidate gets a cookie, starts a mock session, opens its stream, reads the scripted opening
  and sends one answer of about 90 words; the follow-up is the fake's reply.

Each mode first runs 10 requests over 1 s, not reported (a fresh process compiles its code and
opens its connections on its first requests). For each N (rising; a mode stops at its first
failing level${run.refine > 0 ? `, then runs the level halfway between its largest passing N and that failing one and keeps the half that holds the boundary, up to ${run.refine} times, each rounded to two digits of the gap and not closer than 5 % of the passing N, so the largest N and its share of the floor are read to a few per cent, not to the factor of two between the climb's levels` : ''}), the N requests are spread evenly
over one reply's length, so they arrive at the rate that keeps N streams open and N are open at
the end of the spread. The fake records when it wrote each token, keyed by a tag in the request
(a side channel: the streamed text carries nothing), so every piece of text is timed against the
model's own schedule on one clock.

Run: \`${run.command}\` (${run.date}, ${run.cpus} CPUs ${run.cpuModel}, Node ${run.node}, question
\`${run.questionId}\`, 1-minute load average before the run ${run.loadBefore.toFixed(2)}, ${run.minutes.toFixed(1)} minutes).
Flags: \`--tokens-per-second 20,5\`, \`--levels 25,50,100\` (N to climb; by default six levels rising by a
constant factor from 25 to the N that makes as many tokens a second as 800 streams at 20 tokens/s), \`--modes
direct,relay,sparring\`, \`--burst 200@1000\` or \`--no-burst\`, \`--all-levels\` (climb past a
failure), \`--retries 0\` (no second try), \`--refine 3\` (levels run between the largest passing N and the first failing one; 0: none), \`--memory-sessions 500\`, \`--reply-seconds 7.5\`, \`--limit-ms 20\`, \`--no-write\`, \`--cpu-prof-dir <dir>\`.

${formatSummaryTable(runs, run.limitMs)}

Against the targets of issue 10:

${targetLines(runs, run.limitMs).join('\n')}

*Added*: a piece of text received minus the fake's write of the token that let it out: for the
floor and the bare relay the token itself; for Sparring the token after which its leak guard
let that text go (replayed offline with the real guard and the question's model answer: a word
that makes a run of ${LEAK_HOLD_RUN_WORDS} or more words that could begin a copy of the model answer is held until a
later token shows it does not; shorter runs go at once), so
the hold-back the guard chooses by design is apart from what the server adds. *Each word held*:
received minus the write of that word's own token, hold-back included. *First text minus the
model's first token*: the first piece of the reply received minus the fake's write of its first
token. *Largest N*: the last level, in rising N over the climb's levels and the refined ones, before the first whose added p99 reached the limit
or that lost a reply${run.retries > 0 ? ' at two tries (a failing level is run once more, as a stall from other work on a shared machine can fail it by chance; a level that passed only at the second try says so in the tables below)' : ''}. *CPU ms per 1,000 tokens*: user + system time of the relaying process
(/proc; Sparring's includes its coverage and grading workers, the main thread is read apart)
over the level, per 1,000 tokens relayed, at the largest passing level; for Sparring it includes
the whole answer path (storing the answer, the coverage map, the prompt, storing the turn).
*Memory per open session*: the relaying process's resident memory with idle sessions open
(clients connected and, for Sparring, a session started and its opening read) minus before,
per session, from \`--memory-sessions\` (500 by default) opened once per mode, after the warm-up
and before the levels; resident memory is coarse (a heap with room takes sessions without
growing), so a small figure is a lower bound.

${details}

Columns of the level tables (p50 / p99, ms): *answer to model request*: the request sent to it
reaching the fake server (for Sparring: storing the answer, the coverage map, the prompt). *End
beyond model*: the end of the reply received minus the fake's \`[DONE]\`. *Server CPU*: over the
level's window, one core = 100 %. *Lost / reordered*: broadcast seqs on each Sparring socket that
skipped or went back; *text mismatches*: replies whose pieces (deltas, and \`turn-revise\` frames
replacing the text) did not add up to the stored turn or to the fake reply word for word;
*revised*: replies a \`turn-revise\` corrected (a question repeated from earlier in the session is
shown while it streams, then taken back; the fake reply never repeats one, so 0 is expected).

Caveats: one machine of ${run.cpus} cores for all three processes (the load generator and the fake
take CPU from the relay, and the direct clients' floor is the load generator's own limit), and
other sessions' work on the shared machine moves the loaded rows between runs, hence the load
average above; one answer per session, so every answer pays the first-answer coverage cost; the
fake reply never triggers the leak guard's rewrite; a level of 25 rests on 25 replies.
`
}
