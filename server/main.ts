import { existsSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { createApp } from './app.js'
import { EnvError, parseEnv } from './env.js'
import { createLlmTranscriptGrader } from './grading/llm-grader-port.js'
import { createWorkerOfflineGrader } from './grading/worker-offline-grader.js'
import { loadSessionSecret } from './identity/session-secret.js'
import { createNodeHttpFetch } from './llm/node-http-fetch.js'
import { OpenAiLlmClient } from './llm/openai-llm-client.js'
import { loadPromptLibrary } from './prompts/prompt-library.js'
import { loadQuestionBank } from './questions/question-bank.js'
import { createSessionBackendFromEnv } from './sessions/create-session-store.js'
import { createInstanceId } from './sessions/instance-id.js'
import { SessionStoreError } from './sessions/session-store-error.js'
import { createInterviewRuntime } from './interview/interview-runtime.js'
import { createTextAnalyzer, createWinkEmbeddingsLoader } from './text/index.js'
import { defaultPackCacheDir } from './text/wink-embeddings-loader.js'
import { listen } from './ws/listen.js'
import { limitsFromEnv } from './limits/limits-from-env.js'
import { meterLlmUsage } from './limits/metered-llm-client.js'
import { StartupError } from './startup-error.js'
import { installStructuredConsole } from './log/structured-log.js'

/** The entry file: parse env, build the real adapters, start the server. */
async function main() {
  // A .env file in the working directory is read when present; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env')
  const env = parseEnv(process.env)
  const bank = await loadQuestionBank(env.QUESTIONS_DIR)
  // REDIS_URL, KV_REST_API_URL + KV_REST_API_TOKEN, or the SQLite file.
  // This process among instances: it holds session leases and grading jobs in the store.
  const instanceId = createInstanceId()
  const clock = () => new Date()
  const { store, relay } = await createSessionBackendFromEnv(env, instanceId, clock)
  const cookieSecret = await loadSessionSecret(env.DATA_DIR, env.SESSION_SECRET)
  // Read from a pack in node_modules/.cache into one SharedArrayBuffer every worker thread reads
  // in place. The read runs on libuv's threads while the server starts and listens (about a
  // second, mostly the kernel mapping fresh memory); the first start after an install packs the
  // wink package's JSON first, about 10 s once, before listening.
  const embeddings = createWinkEmbeddingsLoader({ cacheDir: defaultPackCacheDir() })
  const vectorsLoaded = embeddings.loadInBackground()
  // On a worker thread: a grade takes about a second of CPU, which must not stall interviews.
  // It starts, and grades, once the vectors are in.
  const offlineGrader = createWorkerOfflineGrader({
    clock,
    vectors: vectorsLoaded.then(() => embeddings.shared!),
    warmUp: bank.questions,
    onWarmedUp: ({ questions, ms }) =>
      console.log(`Offline grader warmed up on ${questions} questions in ${ms} ms`),
  })
  // With a key, the LLM grader grades (GRADER_MODEL) and the offline grader is its fallback.
  const apiKey = env.OPENAI_API_KEY
  // node:http with keep-alive rather than the global fetch (undici): the stream is read from the
  // Node socket stream itself, with no web streams between, the larger part of what relaying a
  // token cost this thread (bench:stream --cpu-prof-dir). One pair of agents for both clients.
  const fetch = createNodeHttpFetch()
  const openAiClient = (key: string, model: string) =>
    new OpenAiLlmClient({
      fetch,
      apiKey: key,
      baseURL: env.OPENAI_BASE_URL,
      model,
      timeoutMs: env.LLM_TIMEOUT_MS,
      idleTimeoutMs: env.LLM_IDLE_TIMEOUT_MS,
      maxRetries: env.LLM_MAX_RETRIES,
    })
  // Read and checked at every start, so a broken template fails fast even before a key is set.
  const prompts = await loadPromptLibrary()
  const llmGrader = apiKey
    ? createLlmTranscriptGrader({
        // Its tokens count in the LLM_DAILY_TOKEN_BUDGET of the identity a grading is for.
        llm: meterLlmUsage(openAiClient(apiKey, env.GRADER_MODEL)),
        prompts,
        clock,
        model: env.GRADER_MODEL,
        samples: env.GRADER_SAMPLES,
      })
    : undefined
  // The interviewer: with a key the LLM asks (INTERVIEWER_MODEL), else the offline engine; the
  // coverage map uses the word vectors loaded above either way.
  const interview = createInterviewRuntime({
    questions: bank.questions,
    analyzer: createTextAnalyzer({ embeddings }),
    llm: apiKey ? { client: openAiClient(apiKey, env.INTERVIEWER_MODEL), prompts } : undefined,
    // Off the main thread: a burst of answers queues in the workers, not before running streams.
    coverageWorkers: env.COVERAGE_WORKERS ?? availableParallelism(),
  })
  const app = createApp({
    instances: { instanceId, leaseTtlMs: env.SESSION_LEASE_TTL_MS, relay },
    interview,
    bank,
    store,
    clock,
    offlineGrader,
    llmGrader,
    newId: randomUUID,
    cookieSecret,
    webDistDir: env.WEB_DIST_DIR,
    site: { publicUrl: env.PUBLIC_URL ?? null, allowedOrigins: env.ALLOWED_ORIGINS },
    ...limitsFromEnv(env),
    trustProxy: env.TRUST_PROXY,
    logRequests: true,
  })
  const listening = await listen(app, { port: env.PORT, hostname: env.HOST })
  console.log(
    `Sparring on http://${env.HOST}:${listening.port}/ (${bank.questions.length} questions, ` +
      `interviewer: ${interview.engine.provider} ${interview.engine.model})`,
  )
  void vectorsLoaded.then(
    () =>
      console.log(
        `Word vectors loaded in ${Math.round(embeddings.stats?.loadMs ?? 0)} ms ` +
          `(${embeddings.stats?.storeBytes ?? 0} bytes, one copy shared by every thread)`,
      ),
    (err: unknown) =>
      console.error(`Word vectors could not be loaded, grades will fail: ${String(err)}`),
  )
  // From here every log line is one JSON object with the request id of the work that wrote it.
  installStructuredConsole()
  // After listening, so the workers' start does not delay the first page.
  interview.warm()
  const stop = () => {
    void listening
      .close()
      .then(() =>
        Promise.allSettled([
          offlineGrader.close(),
          interview.close(),
          relay?.close(),
          store.close(),
        ]).finally(() => process.exit(0)),
      )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  // A bad setting, a data folder this user cannot write, a damaged database or one another
  // server holds: one line that says what happened to which file and what to do. Anything else
  // is a bug and keeps its stack.
  const plain =
    err instanceof EnvError ||
    err instanceof StartupError ||
    (err instanceof SessionStoreError && (err.code === 'in_use' || err.code === 'unusable'))
  console.error(plain ? `Sparring cannot start: ${err.message}` : err)
  process.exit(1)
})
