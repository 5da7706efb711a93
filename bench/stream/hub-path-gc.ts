/**
 * The hub-to-socket end of the token path, in one process, by what the machine's load moves
 * least: CPU time, young-generation collections (scavenges) and their pauses per 1,000 tokens,
 * and the heap a streamed token keeps while its turn runs. N sessions each have one real
 * WebSocket (server/ws/socket-guard.ts, sent as session-connection.ts sends: one JSON.stringify
 * per message per socket); their clients read in a child process of their own, so their CPU and
 * garbage are not counted. Each round streams one turn on every session (turn-start, 150
 * token-deltas at 20 a second, turn-end) through server/ws/session-stream-hub.ts, whose replay
 * log and live overlay keep every delta for `resume` and snapshots. bench/stream/token-path-cpu.ts
 * measures the other end (the model's stream read to the leak guard), without the hub.
 *
 * Run: `npx tsx bench/stream/hub-path-gc.ts [sessions=200] [rounds=3]` (one warm-up round, then
 * `rounds` timed ones). The measured process runs with the node flags of `npm start` (package
 * json: --max-semi-space-size=4, which sets how often a scavenge runs) and --expose-gc.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks'
import { loadavg } from 'node:os'
import type { WSContext } from 'hono/ws'
import { WebSocket, WebSocketServer } from 'ws'
import { createSessionStreamHub } from '../../server/ws/session-stream-hub.js'
import { guardSocket } from '../../server/ws/socket-guard.js'
import { makeTurn } from '../../tests/support/session-fixtures.js'
import { startNodeFlags } from '../shared/start-node-flags.js'
import { buildReplyTokens } from './reply-script.js'
import { spawnScript, waitForLine } from './spawn-script.js'

const SCRIPT = 'bench/stream/hub-path-gc.ts'
const TOKENS = 150
const TICK_MS = 5
const GROUPS = 10 // a session gets a delta every TICK_MS * GROUPS = 50 ms: 20 tokens/s
const sessions = Number(process.argv[2] ?? process.env.HUB_BENCH_SESSIONS ?? 200)
const rounds = Number(process.argv[3] ?? process.env.HUB_BENCH_ROUNDS ?? 3)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The clients: connect and read every frame; they end with their parent. */
async function clients() {
  const url = process.env.HUB_BENCH_URL!
  await Promise.all(
    Array.from({ length: sessions }, (_, i) => {
      const ws = new WebSocket(`${url}/?s=${i}`)
      ws.on('message', () => {})
      ws.on('close', () => process.exit(0))
      return new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    }),
  )
  console.log('CLIENTS_READY')
}

async function measure() {
  const hub = createSessionStreamHub({ clock: () => new Date() })
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise((resolve) => wss.once('listening', resolve))
  wss.on('connection', (ws, request) => {
    const sessionId = `s${new URL(request.url!, 'http://x').searchParams.get('s')}`
    const context = {
      raw: ws,
      get readyState() {
        return ws.readyState
      },
      send: (data: string) => ws.send(data),
      close: (code: number, reason: string) => ws.close(code, reason),
    } as unknown as WSContext
    const guard = guardSocket(context)
    hub.subscribe(sessionId, (message) => void guard.send(JSON.stringify(message)))
  })
  const port = (wss.address() as { port: number }).port
  const child = spawnScript(SCRIPT, {
    HUB_BENCH_ROLE: 'clients',
    HUB_BENCH_URL: `ws://127.0.0.1:${port}`,
    HUB_BENCH_SESSIONS: String(sessions),
  })
  await waitForLine(child, /CLIENTS_READY/, 30_000)

  const tokens = buildReplyTokens(TOKENS)
  const gcs: { kind: number; ms: number }[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      gcs.push({ kind: (e as unknown as { detail: { kind: number } }).detail.kind, ms: e.duration })
  })
  observer.observe({ entryTypes: ['gc'] })
  const gc = (globalThis as { gc?: () => void }).gc!

  /** One turn on every session; returns the heap kept per token, read before the turns end. */
  async function round(r: number): Promise<number> {
    const ids = Array.from({ length: sessions }, (_, i) => `t${r}-${i}`)
    for (let i = 0; i < sessions; i++) {
      const turn = {
        ...makeTurn({
          id: ids[i],
          sessionId: `s${i}`,
          role: 'interviewer',
          kind: 'follow-up',
          text: '',
          completedAt: null,
        }),
        seq: 2 * r + 2,
      }
      hub.publish(`s${i}`, { type: 'turn-start', turn })
    }
    await sleep(50)
    gc()
    const before = process.memoryUsage().heapUsed
    for (let tick = 0; tick < TOKENS * GROUPS; tick++) {
      const group = tick % GROUPS
      const token = tokens[Math.floor(tick / GROUPS)]!
      for (let i = group; i < sessions; i += GROUPS)
        hub.publish(`s${i}`, { type: 'token-delta', turnId: ids[i]!, text: token })
      await sleep(TICK_MS)
    }
    await sleep(200)
    gc()
    const kept = (process.memoryUsage().heapUsed - before) / (sessions * TOKENS)
    for (let i = 0; i < sessions; i++) {
      const turn = {
        ...makeTurn({ id: ids[i], sessionId: `s${i}`, role: 'interviewer', kind: 'follow-up' }),
        seq: 2 * r + 2,
      }
      hub.publish(`s${i}`, {
        type: 'turn-end',
        turn,
        progress: { followUpsAsked: r + 1, followUpBudget: 99, drillTally: null },
      })
    }
    await sleep(100)
    return kept
  }

  await round(0)
  const rows: string[] = []
  for (let r = 1; r <= rounds; r++) {
    gc()
    await sleep(50)
    gcs.length = 0
    const cpu = process.cpuUsage()
    const kept = await round(r)
    const used = process.cpuUsage(cpu)
    // The forced collections of round() are not the stream's: only the scavenges count.
    const scavenges = gcs.filter((g) => g.kind === constants.NODE_PERFORMANCE_GC_MINOR)
    const perK = (sessions * TOKENS) / 1000
    const ms = scavenges.reduce((sum, g) => sum + g.ms, 0)
    const worst = Math.max(0, ...scavenges.map((g) => g.ms))
    rows.push(
      `round ${r}: ${((used.user + used.system) / 1000 / perK).toFixed(1)} ms CPU, ` +
        `${(scavenges.length / perK).toFixed(2)} scavenges (${(ms / perK).toFixed(2)} ms) ` +
        `per 1,000 tokens, worst scavenge ${worst.toFixed(1)} ms, ` +
        `${kept.toFixed(0)} B of heap kept per streamed token`,
    )
  }
  observer.disconnect()
  for (const row of rows) console.log(row)
  console.log(
    `(${sessions} sessions, one socket each, ${TOKENS} tokens a turn at 20 tokens/s; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
  )
  child.kill()
  wss.close()
}

async function main() {
  const role = process.env.HUB_BENCH_ROLE
  if (role === 'clients') return clients()
  if (role === 'measure') return measure()
  // The measured process: production's node flags, and gc() to read the heap a token keeps.
  const child = spawnScript(
    SCRIPT,
    {
      HUB_BENCH_ROLE: 'measure',
      HUB_BENCH_SESSIONS: String(sessions),
      HUB_BENCH_ROUNDS: String(rounds),
    },
    [...startNodeFlags(), '--expose-gc'],
  )
  child.stdout!.pipe(process.stdout)
  child.stderr!.pipe(process.stderr)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  process.exitCode = code ?? 1
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
