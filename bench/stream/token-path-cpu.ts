/**
 * CPU per 1,000 tokens of the LLM interviewer's token path alone, in one process: the model's
 * stream read over node:http (createNodeHttpFetch, the fake model of bench:stream as its own
 * process), OpenAiLlmClient, streamText, the notes splitter, leak guard and repeat filter, and the
 * turn runner's pump (pumpTurn) building one JSON frame per chunk.
 * Three AsyncLocalStorage stores are entered around it, as the server's request id, session
 * lease and grading identity are (on Node 20 they put a hook on every promise). No sessions,
 * store, hub or sockets: bench:stream's CPU figure includes them and the answer path, so a change
 * to the per-token path shows here first, with less noise.
 *
 * Run: `npx tsx bench/stream/token-path-cpu.ts [streams=100] [rounds=3] [tokensPerWrite=1]` (one
 * warm-up round, then `rounds` rounds of `streams` turns of 150 tokens at once; prints ms per
 * 1,000 tokens, and the scavenges, the young generation's collections, per 1,000 tokens: what
 * the path allocates). `tokensPerWrite` > 1: the fake model writes its tokens in groups of that
 * many, as providers that stream in bursts do (the chunks yielded per token then show how many
 * frames a burst costs).
 */
import { AsyncLocalStorage, createHook } from 'node:async_hooks'
import { PerformanceObserver, constants } from 'node:perf_hooks'
import { DEFAULT_COVERAGE_TUNING } from '../../server/interview/coverage-map.js'
import { pumpTurn } from '../../server/interview/interviewer-turn-runner.js'
import { createLlmInterviewer } from '../../server/interview/llm-interviewer.js'
import { createNodeHttpFetch } from '../../server/llm/node-http-fetch.js'
import { OpenAiLlmClient } from '../../server/llm/openai-llm-client.js'
import { loadPromptLibrary } from '../../server/prompts/prompt-library.js'
import { createEngineHarness } from '../../tests/server/interview/fixtures/interview-context.js'
import { loadTimeBombQuestion } from '../../tests/server/interview/fixtures/load-question.js'
import { spawnScript, waitForLine } from './spawn-script.js'

const streams = Number(process.argv[2] ?? 100)
const rounds = Number(process.argv[3] ?? 3)
const tokensPerWrite = Number(process.argv[4] ?? 1)

async function main() {
  const fake = spawnScript('bench/stream/fake-llm-server.ts', {
    FAKE_TTFT_MS: '50',
    FAKE_TOKENS_PER_SEC: '40',
    FAKE_TOKENS: '150',
    FAKE_TOKENS_PER_WRITE: String(tokensPerWrite),
  })
  try {
    const port = (await waitForLine(fake, /FAKE_LLM_LISTENING (\d+)/, 20_000))[1]!
    const llm = new OpenAiLlmClient({
      fetch: createNodeHttpFetch(),
      apiKey: 'bench',
      baseURL: `http://127.0.0.1:${port}/v1`,
      model: 'bench',
      timeoutMs: 60_000,
      maxRetries: 0,
    })
    // One context for every turn: building it (the coverage map) is the answer path's cost.
    const h = createEngineHarness(loadTimeBombQuestion())
    const engine = createLlmInterviewer({
      llm,
      prompts: await loadPromptLibrary(),
      fullAt: DEFAULT_COVERAGE_TUNING.full,
      scripted: h.engine,
    })
    const answer = h.add('candidate', 'answer', 'I would start with a monolith and measure it.')
    const context = h.context({ type: 'answer', turn: answer })
    let chunks = 0
    let frameBytes = 0
    const frame = (type: string, text: string) => {
      chunks++
      frameBytes += JSON.stringify({ type, turnId: 't', text, seq: chunks }).length
    }
    const turn = () =>
      pumpTurn(engine.nextTurn(context, new AbortController().signal), '', {
        emit: (text) => frame('token-delta', text),
        revise: (text) => frame('turn-revise', text),
      })
    const stores = [1, 2, 3].map(() => new AsyncLocalStorage<number>())
    const round = () =>
      stores.reduceRight<() => Promise<unknown>>(
        (inner, store, i) => () => store.run(i, inner),
        () => Promise.all(Array.from({ length: streams }, turn)),
      )()
    await round()
    const connectionsBefore = await connectionsAccepted(port)
    const figures: number[] = []
    let timedChunks = 0
    // Young-generation collections (scavenges) over the timed rounds: how much the path
    // allocates, read without timing it.
    const scavenges: number[] = []
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as unknown as { detail: { kind: number } }).detail.kind
        if (kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges.push(e.duration)
      }
    })
    observer.observe({ entryTypes: ['gc'] })
    for (let r = 0; r < rounds; r++) {
      chunks = 0
      const before = process.cpuUsage()
      await round()
      const used = process.cpuUsage(before)
      figures.push((used.user + used.system) / 1000 / ((streams * 150) / 1000))
      timedChunks = chunks
    }
    observer.disconnect()
    const perK = (rounds * streams * 150) / 1000
    // Then one round counting the async resources made (a hook of its own slows it, so apart):
    // promises and ticks per token, a figure the machine's load does not move.
    const made = new Map<string, number>()
    const hook = createHook({ init: (_id, type) => void made.set(type, (made.get(type) ?? 0) + 1) })
    hook.enable()
    await round()
    hook.disable()
    const perToken = [...made]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([type, n]) => `${type} ${(n / (streams * 150)).toFixed(1)}`)
      .join(', ')
    console.log(`async resources made per token: ${perToken}`)
    // Connections the fake accepted over the timed rounds, per turn: 0 once a reply read to
    // [DONE] leaves its connection to the keep-alive pool (1: a TCP handshake, and over https a
    // TLS one, a reply).
    const accepted = (await connectionsAccepted(port)) - connectionsBefore
    console.log(`connections opened per turn: ${(accepted / ((rounds + 1) * streams)).toFixed(2)}`)
    console.log(
      `scavenges per 1,000 tokens: ${(scavenges.length / perK).toFixed(2)} ` +
        `(${(scavenges.reduce((a, b) => a + b, 0) / perK).toFixed(2)} ms)`,
    )
    console.log(
      `token path: ${figures.map((f) => f.toFixed(0)).join(' / ')} ms CPU per 1,000 tokens ` +
        `(${streams} turns of 150 tokens a round, ${timedChunks} chunks yielded in the last)`,
    )
  } finally {
    fake.kill()
  }
}

/** Connections the fake model has accepted so far (GET /bench/records). */
async function connectionsAccepted(port: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/bench/records`)
  return ((await res.json()) as { connections: number }).connections
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
