/**
 * `npm run bench:transcripts [-- --grader offline|llm] [--set <name>]`: grades the graded
 * mock-interview transcripts of bench/transcripts/ (or of a blind set, bench/transcripts-<name>/,
 * transcript-sets.ts) and reports how far each grader agrees with the hand-set
 * targets (Spearman, MAE, share within range, level order, length bias, padded and claims
 * variants against their base answer). The offline grader runs the path `npm run grade` and
 * POST /api/grade use; the LLM grader is built from the same env as the server, so a user can see
 * how far to trust their own model. Prints the figures and rewrites this grader's section of
 * docs/benchmarks.md (bench/stream/replace-section.ts), keeping the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EnvError, parseEnv } from '../server/env.js'
import { loadPromptLibrary } from '../server/prompts/prompt-library.js'
import { loadQuestionBank } from '../server/questions/question-bank.js'
import { replaceSection } from './stream/replace-section.js'
import { parseBenchArgs } from './transcripts-bench/bench-args.js'
import { gradeCases, type CaseOutcome } from './transcripts-bench/grade-cases.js'
import { createBenchLlmGrader } from './transcripts-bench/llm-bench-grader.js'
import { gradeOffline, gradeWithShippedScale } from './transcripts-bench/offline-bench-grader.js'
import { writeFittedScale } from './transcripts-bench/write-fitted-scale.js'
import { formatTranscriptsSection } from './transcripts-bench/format-transcripts-section.js'
import {
  candidateWords,
  loadTranscriptCases,
  type TranscriptCase,
} from './transcripts-bench/transcript-case.js'
import { attachScores, summariseGrades } from './transcripts-bench/transcript-report.js'
import { TRANSCRIPT_SETS, isHeldOutSet } from './transcripts-bench/transcript-sets.js'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')

async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(parsed.message)
    return 1
  }
  const args = parsed.args
  const set = TRANSCRIPT_SETS[args.set]
  // Every set but dev is a blind, held-out test: graded with the shipped scale, never fitted on.
  const fresh = isHeldOutSet(args.set)
  const cases = await loadTranscriptCases(args.data ?? resolve(repo, set.folder))
  // The machine's load as the run starts: the grading figures do not depend on it, the timing does.
  const load = loadavg()[0]!.toFixed(2)
  const bank = await loadQuestionBank(resolve(repo, 'questions'))
  const questionOf = (id: string) => bank.get(id)

  let outcomes: CaseOutcome[]
  let grader: string
  let method: string
  let timing: string | undefined
  let extra: string[] = []
  if (args.grader === 'offline' && fresh) {
    outcomes = await gradeWithShippedScale(cases, questionOf)
    method = [
      'Nothing is fitted on this set: every case is graded by the product grader with the scale it ships',
      '(server/grading/fitted-score-scale.ts, fitted on the 150 dev cases of bench/transcripts/), so every',
      'figure below is a held-out test of transcripts the grader and its scale were never fitted on.',
    ].join('\n')
    grader = 'offline grader (`npm run grade`, POST /api/grade without a key)'
  } else if (args.grader === 'offline') {
    const run = await gradeOffline(cases, questionOf)
    ;({ outcomes, method, timing } = run)
    if (args.perCaseTiming)
      console.log(
        [
          'Slowest cases of the timed pass (ms, words the candidate wrote, case):',
          ...cases
            .map((c, i) => ({ c, ms: run.caseMs[i]! }))
            .sort((a, b) => b.ms - a.ms)
            .slice(0, 10)
            .map(
              ({ c, ms }) =>
                `${ms.toFixed(1).padStart(7)} ms ${String(candidateWords(c)).padStart(5)}  ${c.questionId}/${c.level}`,
            ),
        ].join('\n'),
      )
    const off = run.modelAnswers.filter((m) => Math.abs(m.score - m.stated) > 1)
    extra = [
      `Each question's model answer graded as a one-turn transcript (held-out scale): ${run.modelAnswers
        .map((m) => `${m.score}`)
        .join(
          ', ',
        )} against stated ${run.modelAnswers.map((m) => `${m.stated}`).join(', ')}; ${off.length} more than 1 point away.`,
    ]
    if (args.writeScale) {
      const file = resolve(repo, 'server/grading/fitted-score-scale.ts')
      await writeFittedScale(file, run.fullScale)
      console.log(`Wrote ${file}`)
    }
    grader = 'offline grader (`npm run grade`, POST /api/grade without a key)'
  } else {
    if (existsSync(resolve(repo, '.env'))) process.loadEnvFile(resolve(repo, '.env'))
    let env
    try {
      env = parseEnv(process.env)
    } catch (err) {
      if (err instanceof EnvError) console.error(err.message)
      else throw err
      return 1
    }
    const llm = createBenchLlmGrader(env, await loadPromptLibrary())
    if (!llm) {
      console.error(
        '--grader llm needs OPENAI_API_KEY (and OPENAI_BASE_URL, GRADER_MODEL): see README',
      )
      return 1
    }
    outcomes = await gradeCases(cases, questionOf, llm, {
      concurrency: args.concurrency,
      onDone: (i, o) =>
        console.log(
          `${cases[i]!.questionId}/${cases[i]!.level}: ${'score' in o ? o.score : o.error}`,
        ),
    })
    grader = `LLM grader (GRADER_MODEL ${env.GRADER_MODEL}, ${env.GRADER_SAMPLES} sample${env.GRADER_SAMPLES === 1 ? '' : 's'}, ${env.OPENAI_BASE_URL ?? 'OpenAI'})`
    method = 'Nothing is fitted: the scores are the grades as the server would return them.'
  }

  const scored = cases.flatMap((c, i) => {
    const o = outcomes[i]!
    return 'score' in o ? [{ c, score: o.score }] : []
  })
  const failures = cases.flatMap((c, i) => {
    const o = outcomes[i]!
    return 'error' in o ? [`${c.questionId}/${c.level}: ${o.error.slice(0, 160)}`] : []
  })
  const report = summariseGrades(
    attachScores(
      scored.map((s) => s.c),
      scored.map((s) => s.score),
    ),
  )
  const machine = `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${load}`
  // Four places, to compare a grader change before and after (the section rounds to two).
  console.log(
    `Spearman ${report.spearman.toFixed(4)}, MAE ${report.mae.toFixed(3)}, within range ${(report.withinRange * 100).toFixed(1)}%, pairs in order ${(report.pairsInOrder * 100).toFixed(1)}%`,
  )
  if (fresh) printLargestErrors(scored)
  const flags = [
    ...(args.grader === 'llm' ? ['--grader llm'] : []),
    ...(fresh ? [`--set ${args.set}`] : []),
  ]
  const section = formatTranscriptsSection(report, {
    heading: fresh
      ? `${set.heading}${args.grader === 'llm' ? ', LLM grader' : ''}`
      : `${set.heading}, ${args.grader === 'offline' ? 'offline grader' : 'LLM grader'}`,
    ...('describe' in set ? { set: set.describe(report.n) } : {}),
    grader,
    command: `npm run bench:transcripts${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`,
    date: new Date().toISOString().slice(0, 10),
    machine,
    method,
    timing,
    failures,
    extra,
  })
  console.log(section)
  if (args.write) {
    const file = resolve(repo, 'docs/benchmarks.md')
    const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
    writeFileSync(file, replaceSection(doc, section.split('\n')[0]!, section))
    console.log(`Wrote ${file}`)
  }
  return 0
}

/** The cases furthest from their targets, to read for generic causes (never to fit on). */
function printLargestErrors(scored: { c: TranscriptCase; score: number }[]): void {
  console.log(
    [
      'Largest errors (score - target, words the candidate wrote, case):',
      ...[...scored]
        .sort((a, b) => Math.abs(b.score - b.c.target) - Math.abs(a.score - a.c.target))
        .slice(0, 15)
        .map(
          ({ c, score }) =>
            `${(score - c.target >= 0 ? '+' : '') + (score - c.target).toFixed(1).padStart(5)}  ${score.toFixed(1).padStart(4)} vs ${c.target}  ${String(candidateWords(c)).padStart(4)}  ${c.questionId}/${c.level}`,
        ),
    ].join('\n'),
  )
}

process.exitCode = await main()
