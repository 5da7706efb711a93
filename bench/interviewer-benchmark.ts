/**
 * Simulated candidates against the interviewer: for each question, seven scripted candidates run
 * whole interviews over the real WebSocket of the real server (in this process, 127.0.0.1 port 0),
 * judged against the hand labels of their replies. Writes the "Simulated candidates (interviewer)"
 * section of docs/benchmarks.md.
 *
 *   npm run bench:interviewer              all 15 questions, mock interviews and drills (1-2 min)
 *   npm run bench:interviewer -- --help     the options (print only, one engine, some questions,
 *                                           every flagged problem)
 *   npm run bench:interviewer -- --scripts=blind --no-write
 *                                           the held-out blind scripts (candidate-scripts-blind.ts)
 */
import { readFile, writeFile } from 'node:fs/promises'
import { createInterviewRuntime } from '../server/interview/interview-runtime.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import { createTextAnalyzer, createWinkEmbeddingsLoader } from '../server/text/index.js'
import { defaultPackCacheDir } from '../server/text/wink-embeddings-loader.js'
import { OpenAiLlmClient } from '../server/llm/openai-llm-client.js'
import { loadPromptLibrary } from '../server/prompts/prompt-library.js'
import { startBenchServer } from './interviewer/bench-server.js'
import { SCRIPTED_LLM_URL, startScriptedLlm } from './interviewer/scripted-llm.js'
import {
  formatInterviewerSection,
  SECTION,
  type EngineTable,
  type OtherWordsRun,
  type SeveralStepsRun,
} from './interviewer/format-interviewer-section.js'
import {
  runCandidates,
  runDrills,
  type DrillQuestionResult,
  type QuestionResult,
} from './interviewer/run-bench.js'
import { summariseDrills } from './interviewer/summarise-drills.js'
import { summariseQuestion, totalOf } from './interviewer/summarise-results.js'
import { replaceSection } from './stream/replace-section.js'
import { parseBenchOptions, USAGE } from './interviewer/bench-options.js'
import { labelledScripts } from './interviewer/labelled-scripts.js'
import { BLIND_CANDIDATE_SCRIPTS } from './interviewer/candidate-scripts-blind.js'
import { withHeldOutBlock } from './interviewer/held-out-block.js'
import { explainFlagged } from './interviewer/explain-flagged.js'
import { createStemCoverageTracker } from '../server/interview/stem-coverage-tracker.js'

const REPORT = 'docs/benchmarks.md'
const COMMAND = 'npm run bench:interviewer'
const options = parseBenchOptions(process.argv.slice(2))
if (options.help) {
  console.log(USAGE)
  process.exit(0)
}

const bank = await loadQuestionBank('questions')
const questions = options.questions
  ? bank.questions.filter((q) => options.questions!.includes(q.number))
  : bank.questions
const labelled =
  options.labelledPick === null ? null : labelledScripts(questions, options.labelledPick)
// The held-out scripts: step answers, keywords and clarifying questions all their own.
const blind = options.blind ? { scripts: BLIND_CANDIDATE_SCRIPTS } : null
const swapped = labelled ?? blind
if (blind) {
  console.log(
    'Held-out blind scripts (bench/interviewer/candidate-scripts-blind.ts): written without' +
      ' seeing the interviewer, never tuned on',
  )
}
if (labelled) {
  console.log(
    `Scripts from the labelled answers of bench:coverage, choice ${options.labelledPick}` +
      ` (${labelled.borrowed} step answers kept from the bench's own scripts)`,
  )
}
// As main.ts builds it: word vectors for the offline interviewer's clarifications.
const embeddings = createWinkEmbeddingsLoader({ cacheDir: defaultPackCacheDir() })
embeddings.load()
const analyzer = createTextAnalyzer({ embeddings })

/** Choices of labelled answers the written report also runs, candidates in other words. */
const OTHER_WORDS_PICKS = [0, 1, 2, 3]
/** Steps a reply the written report also runs (--steps-per-reply). */
const SEVERAL_STEPS = [2, 3]

async function runEngine(
  engine: string,
  interview: ReturnType<typeof createInterviewRuntime>,
): Promise<{
  table: EngineTable
  results: QuestionResult[]
  drills: DrillQuestionResult[]
  otherWords: OtherWordsRun[]
  several: SeveralStepsRun[]
}> {
  const server = await startBenchServer({ bank, interview, analyzer })
  try {
    const results = await runCandidates({
      port: server.port,
      questions,
      ...(swapped ? { scripts: swapped.scripts } : {}),
      stepsPerReply: options.stepsPerReply,
    })
    // The drills' candidates follow the bench's own scripts: run only with them.
    const ownScripts = !swapped && options.stepsPerReply === 1
    const drills = ownScripts ? await runDrills({ port: server.port, questions }) : []
    const rows = results.map(summariseQuestion)
    // The written report also holds the same candidates answering in other words.
    const otherWords: OtherWordsRun[] = []
    const several: SeveralStepsRun[] = []
    for (const pick of options.write ? OTHER_WORDS_PICKS : []) {
      const { scripts } = labelledScripts(questions, pick)
      const other = await runCandidates({ port: server.port, questions, scripts })
      const otherRows = other.map(summariseQuestion)
      otherWords.push({ engine, pick, rows: otherRows, total: totalOf(otherRows) })
    }
    // And candidates who go through several steps a reply, in the bench's words and in others.
    for (const stepsPerReply of options.write ? SEVERAL_STEPS : []) {
      for (const pick of [null, ...OTHER_WORDS_PICKS]) {
        const scripts = pick === null ? undefined : labelledScripts(questions, pick).scripts
        const other = await runCandidates({
          port: server.port,
          questions,
          stepsPerReply,
          ...(scripts ? { scripts } : {}),
        })
        const otherRows = other.map(summariseQuestion)
        several.push({ engine, pick, stepsPerReply, rows: otherRows, total: totalOf(otherRows) })
      }
    }
    return {
      table: { engine, rows, total: totalOf(rows), drills: summariseDrills(drills) },
      results,
      drills,
      otherWords,
      several,
    }
  } finally {
    await server.stop()
  }
}

const started = Date.now()
const runs: Array<{
  name: string
  table: EngineTable
  results: QuestionResult[]
  drills: DrillQuestionResult[]
  otherWords: OtherWordsRun[]
  several: SeveralStepsRun[]
}> = []
if (options.engines.includes('offline')) {
  const run = await runEngine(
    'Offline engine',
    createInterviewRuntime({ questions: bank.questions, analyzer }),
  )
  runs.push({ name: 'offline', ...run })
}
if (options.engines.includes('llm')) {
  // The LLM path: the real OpenAI client against a scripted model at the HTTP boundary (msw).
  const llm = startScriptedLlm()
  const run = await runEngine(
    'Scripted LLM (OpenAI client, msw at the HTTP boundary)',
    createInterviewRuntime({
      questions: bank.questions,
      analyzer,
      llm: {
        client: new OpenAiLlmClient({
          apiKey: 'bench',
          baseURL: SCRIPTED_LLM_URL,
          model: 'scripted-model',
          timeoutMs: 10_000,
          idleTimeoutMs: 5_000,
          maxRetries: 0,
        }),
        prompts: await loadPromptLibrary(),
      },
    }),
  )
  llm.close()
  runs.push({ name: 'llm', ...run })
}
const tables = runs.map((r) => r.table)
const examples = firstOfEachProblem(runs.map((r) => [...r.results, ...asResults(r.drills)]))
const section = formatInterviewerSection({
  date: new Date().toISOString().slice(0, 10),
  command: COMMAND,
  tables,
  examples,
  otherWords: runs.flatMap((r) => r.otherWords),
  several: runs.flatMap((r) => r.several),
})
console.log(section)
if (options.problems) {
  for (const { name, results, drills } of runs)
    for (const { question, runs: kinds } of [...results, ...asResults(drills)])
      for (const run of kinds)
        for (const problem of run.figures.problems)
          console.log(
            `[${name}] q${question.number} ${run.kind}: ${problem.replace(/\n/g, ' // ')}`,
          )
}
if (options.explain) {
  // The tracker the server's coverage uses (stems only), rebuilt here to score each sentence.
  const tracker = createStemCoverageTracker(bank.questions)
  for (const { name, results } of runs)
    for (const { question, runs: kinds } of results)
      for (const run of kinds)
        for (const line of await explainFlagged(question, run.record, tracker))
          console.log(
            line.startsWith(' ') ? line : `[${name}] q${question.number} ${run.kind}: ${line}`,
          )
}
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)
if (options.write) {
  const doc = await readFile(REPORT, 'utf8').catch(() => '')
  // The blind scripts' figures, recorded by hand from one run, stay as they were.
  await writeFile(REPORT, replaceSection(doc, SECTION, withHeldOutBlock(section, doc)))
  console.log(`Wrote the "${SECTION.slice(3)}" section of ${REPORT}`)
}

/** Drill results in the shape of interview results, for the problem listings. */
function asResults(drills: DrillQuestionResult[]): Array<
  Pick<QuestionResult, 'question'> & {
    runs: Array<{ kind: string; figures: { problems: string[] } }>
  }
> {
  return drills.map((d) => ({
    question: d.question,
    runs: d.runs.map((r) => ({ kind: `${r.kind} (step ${r.step})`, figures: r.figures })),
  }))
}

type ProblemResults = ReturnType<typeof asResults>

/** One example per kind of problem, so the report shows what a failure looks like. */
function firstOfEachProblem(all: ProblemResults[]): string[] {
  const seen = new Map<string, string>()
  for (const results of all)
    for (const { question, runs } of results)
      for (const run of runs)
        for (const problem of run.figures.problems) {
          const kind = problem.split(/[:"]/)[0]!.replace(/\d+/g, 'N').trim()
          if (!seen.has(kind)) {
            const text = problem.replace(/\s+/g, ' ').replace(/\|/g, '/')
            seen.set(kind, `q${question.number}, ${run.kind}: ${text.slice(0, 220)}`)
          }
        }
  return [...seen.values()]
}
