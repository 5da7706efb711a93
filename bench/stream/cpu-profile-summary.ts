/**
 * Where a thread's CPU went, from a V8 .cpuprofile (`bench:stream --cpu-prof-dir <dir>` writes
 * one per thread of Sparring and of the bare relay): self time by function, inclusive time by
 * function, and the share of each part of the relay path (the first category found walking up
 * from the sampled frame), over a window of the profile's own seconds (a level of the bench).
 *
 * Samples are counted, one sampling interval each, not summed from `timeDeltas`: on a loaded
 * machine a sample taken after the thread was off the CPU carries the whole gap, which is not
 * work. Even so, the system calls that wake another thread or process (a socket write, an fsync
 * handed to libuv) are over-weighted: the thread is often preempted right there.
 *
 * Run: `npx tsx bench/stream/cpu-profile-summary.ts <file.cpuprofile> [--from <s>] [--to <s>]
 * [--top 30] [--timeline]` (--timeline prints busy ms per second, to find a level's window).
 */
import { z } from 'zod'

/** The part of a V8 .cpuprofile this summary reads (a file from disk: checked, not trusted). */
export const CpuProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number().int(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number().int()).optional(),
    }),
  ),
  samples: z.array(z.number().int()),
  timeDeltas: z.array(z.number()),
})
export type CpuProfile = z.infer<typeof CpuProfileSchema>

const ArgsSchema = z.object({
  fromSec: z.coerce.number().nonnegative().optional(),
  toSec: z.coerce.number().positive().optional(),
  top: z.coerce.number().int().positive().default(30),
})

type Frame = CpuProfile['nodes'][number]['callFrame']

/** The parts of the path a relayed token takes; the first that matches a frame names it. */
export const RELAY_PATH_CATEGORIES: ReadonlyArray<readonly [string, (f: Frame) => boolean]> = [
  [
    'socket writes (writev)',
    (f) => ['writev', 'writeUtf8String', 'writeBuffer'].includes(f.functionName),
  ],
  [
    'ws frames out (hub, guard, ws sender)',
    (f) =>
      /ws\/lib\/(sender|websocket)\.js|socket-guard|session-stream-hub|live-overlay/.test(f.url),
  ],
  ['leak guard', (f) => /leak-guard|span-automaton/.test(f.url)],
  ['notes splitter, markup filter', (f) => /interviewer-notes|strip-model-markup/.test(f.url)],
  ['repeat filter', (f) => /repeat-filter|question-similarity/.test(f.url)],
  [
    'SQLite store',
    (f) =>
      /better-sqlite3|sqlite-session-store|sqlite-rows/.test(f.url) || f.functionName === 'fsync',
  ],
  ['SSE reader, chunk parser', (f) => /read-sse-data|read-chat-chunk/.test(f.url)],
  [
    'undici, web streams',
    (f) => /undici|webstreams|bind-body-to-signal/.test(f.url) || f.url.startsWith('wasm'),
  ],
  ['openai SDK', (f) => /node_modules\/openai\//.test(f.url)],
  [
    'answer path (orchestrator, context, prompt, coverage)',
    (f) =>
      /interview-orchestrator|build-interview-context|llm-interviewer-prompts|coverage-worker-pool|injection-detector|server\/prompts\/|gap-picker|conversation-memory|fresh-question/.test(
        f.url,
      ),
  ],
  [
    'HTTP and ws in (node:http, hono, ws receiver)',
    (f) => /hono|node:_http_|ws\/lib\/receiver|session-connection|parse-client-frame/.test(f.url),
  ],
  ['AsyncLocalStorage promise hooks', (f) => /async_hooks/.test(f.url)],
  [
    'turn runner, interviewer, LLM client',
    (f) =>
      /interviewer-turn-runner|llm-interviewer|stream-text|openai-llm-client|idle-watch/.test(
        f.url,
      ),
  ],
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  [
    'promise and generator machinery',
    (f) => f.functionName === 'runMicrotasks' || /task_queues/.test(f.url),
  ],
]

export type ProfileSummary = {
  /** Samples counted in the window, in ms (one sampling interval each), idle excluded. */
  busyMs: number
  selfByFunction: Array<[string, number]>
  inclusiveByFunction: Array<[string, number]>
  byCategory: Array<[string, number]>
  /** Busy ms in each second of the profile (all of it, whatever the window). */
  timeline: number[]
}

const IDLE = new Set(['(idle)', '(program)'])

const shortUrl = (url: string) =>
  url
    .replace(/\?.*$/, '')
    .replace(/^file:\/\/\/.*?\/(server|bench|tmp)\//, '$1/')
    .replace(/.*node_modules\//, '')

/** `intervalMs` is the sampling interval (`--cpu-prof-interval`, 1 ms by default in Node). */
export function summariseCpuProfile(
  profile: CpuProfile,
  window: { fromSec?: number; toSec?: number } = {},
  intervalMs = 1,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const key = (f: Frame) =>
    `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`
  const from = (window.fromSec ?? 0) * 1e6
  const to = (window.toSec ?? Infinity) * 1e6
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const categories = new Map<string, number>()
  const timeline: number[] = []
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + intervalMs)
  let t = 0
  let busyMs = 0
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    const node = byId.get(id)
    if (!node || IDLE.has(node.callFrame.functionName)) return
    const second = Math.floor(t / 1e6)
    for (let s = timeline.length; s <= second; s++) timeline.push(0)
    timeline[second]! += intervalMs
    if (t < from || t > to) return
    busyMs += intervalMs
    add(self, key(node.callFrame))
    const seen = new Set<string>()
    let category: string | null = null
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame
      const k = key(frame)
      if (!seen.has(k)) {
        seen.add(k)
        add(inclusive, k)
      }
      category ??= RELAY_PATH_CATEGORIES.find(([, test]) => test(frame))?.[0] ?? null
    }
    add(categories, category ?? 'other')
  })
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])
  return {
    busyMs,
    selfByFunction: sorted(self),
    inclusiveByFunction: sorted(inclusive).filter(([k]) => !k.startsWith('(root)')),
    byCategory: sorted(categories),
    timeline,
  }
}

async function main(args: string[]) {
  const { readFileSync } = await import('node:fs')
  const flag = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const file = args.find((a) => a.endsWith('.cpuprofile'))
  if (!file)
    throw new Error(
      'usage: cpu-profile-summary.ts <file.cpuprofile> [--from s] [--to s] [--top n] [--timeline]',
    )
  const profile = CpuProfileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const { fromSec, toSec, top } = ArgsSchema.parse({
    fromSec: flag('--from'),
    toSec: flag('--to'),
    top: flag('--top'),
  })
  const summary = summariseCpuProfile(profile, {
    ...(fromSec === undefined ? {} : { fromSec }),
    ...(toSec === undefined ? {} : { toSec }),
  })
  if (args.includes('--timeline')) {
    console.log(summary.timeline.map((ms, s) => `${s}:${ms}`).join(' '))
    return
  }
  const line = ([k, ms]: [string, number]) =>
    `${String(ms).padStart(7)} ms ${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)}%  ${k}`
  console.log(`busy ${summary.busyMs} ms (samples counted)`)
  console.log('\nBy part of the relay path:')
  for (const row of summary.byCategory) console.log(line(row))
  console.log('\nSelf time by function:')
  for (const row of summary.selfByFunction.slice(0, top)) console.log(line(row))
  console.log('\nInclusive time by function:')
  for (const row of summary.inclusiveByFunction.slice(0, top)) console.log(line(row))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exitCode = 1
  })
}
