/** One store's median costs, per interview turn and per grading. */
export type StoreCost = {
  store: string
  /** What a round trip is for this store. */
  unit: string
  turns: number
  gradings: number
  turn: PhaseCost
  grading: PhaseCost
}

export type PhaseCost = {
  storeCalls: number
  /** Round trips to the backend; null for SQLite (in-process). */
  roundTrips: number | null
  storeMs: number
  wallMs: number
  /** Stream messages the client received in the phase. */
  messages: number
}

const fmt = (n: number | null, digits = 0) => (n === null ? 'n/a (in-process)' : n.toFixed(digits))

/** The docs/benchmarks.md section, heading included. */
export function formatStoreSection(costs: StoreCost[], meta: { date: string; command: string }) {
  const row = (c: StoreCost, p: PhaseCost) =>
    `| ${c.store} | ${fmt(p.storeCalls)} | ${fmt(p.roundTrips)} | ${fmt(p.storeMs, 1)} | ${fmt(p.wallMs)} | ${fmt(p.messages)} |`
  const table = (phase: 'turn' | 'grading') =>
    [
      '| store | store calls | round trips | time in the store (ms) | wall (ms) | stream messages |',
      '| --- | --- | --- | --- | --- | --- |',
      ...costs.map((c) => row(c, c[phase])),
    ].join('\n')
  const units = costs.map((c) => `${c.store}: ${c.unit}`).join('; ')
  return `## Session stores: cost per turn and per grading

What one interview turn and one grading cost each session store, measured by
\`${meta.command}\` on ${meta.date}: the real app in one process (offline interviewer; a
stand-in grader, so only the store's part of a grading is measured) over a real WebSocket, with
SQLite, Redis (a local redis-server) and Vercel KV (the Upstash REST shim in front of the same
redis-server, on loopback). Redis and Vercel KV run as one of several instances would: turns
under a session lease, the stream through the store's relay, gradings as jobs. Medians over
${costs[0]?.turns ?? 0} turns and ${costs[0]?.gradings ?? 0} gradings per store. Round trips: ${units}.
Loopback hides network latency: on a real network add the round trips times its RTT. Calls
and round trips are counts and nearly repeat from run to run; the times are loose (a machine shared
with other jobs, and a call's time runs until its promise settles, so it includes moments the
event loop spent elsewhere, such as the coverage map).

**Per turn** (the candidate's answer stored, the interviewer's reply streamed and stored):

${table('turn')}

**Per grading** (Redis and Vercel KV: job queued, claimed, renewed, grade saved, job finished,
progress relayed; SQLite serves one instance, so its grading status stays in memory and only the
grade is written):

${table('grading')}

On Redis, one round trip per store call (the session read, the answer and the reply stored:
append, then update; the lease taken and released; the rate-limit counters; each a Lua script
at most), and the rest is
the stream relay: the turn's messages (each delta included) get their seqs and go into the
session's log by one script call per batch, a batch being what was published while the
previous call was on its way, so a slower backend makes fewer, larger calls. On Vercel KV the
client batches the commands of one tick into one HTTP request, and each instance also polls the log of the
sessions its sockets follow every \`KV_STREAM_POLL_MS\`: about 1000 / KV_STREAM_POLL_MS requests a second per
followed session (7 at the default 150 ms), whatever happens in it; the figures above include
the polls made during each phase.
`
}
