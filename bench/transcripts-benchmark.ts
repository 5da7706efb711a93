/**
 * `npm run bench:transcripts [-- --grader offline|llm] [--set <name>] [--fit-sets dev,fresh]`:
 * grades the graded mock-interview transcripts of bench/transcripts/ (or of another set,
 * bench/transcripts-<name>/, transcript-sets.ts) and reports how far each grader agrees with the hand-set
 * targets (Spearman, MAE, share within range, level order, length bias, padded and claims
 * variants against their base answer). The offline grader runs the path `npm run grade` and
 * POST /api/grade use; the LLM grader is built from the same env as the server, so a user can see
 * how far to trust their own model. The offline grader's scale is fitted on the sets of
 * `--fit-sets` pooled, each question held out; such a run grades every fitted set held out (and
 * the same folds fitted on dev alone, to compare), a blind set is graded with the shipped scale.
 * Prints the figures and rewrites each set's section of docs/benchmarks.md
 * (bench/stream/replace-section.ts), keeping the others.
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
import {
  gradeOffline,
  gradeWithShippedScale,
  type SetCase,
} from './transcripts-bench/offline-bench-grader.js'
import { figuresBySet, formatFitComparison } from './transcripts-bench/fit-comparison.js'
import { writeFittedScale } from './transcripts-bench/write-fitted-scale.js'
import { formatTranscriptsSection } from './transcripts-bench/format-transcripts-section.js'
import {
  candidateWords,
  loadTranscriptCases,
  type TranscriptCase,
} from './transcripts-bench/transcript-case.js'
import {
  attachScores,
  summariseGrades,
  type TranscriptReport,
} from './transcripts-bench/transcript-report.js'
import {
  SHIPPED_FIT_SETS,
  TRANSCRIPT_SETS,
  folderList,
  isHeldOutSet,
  type TranscriptSet,
  type TranscriptSetName,
} from './transcripts-bench/transcript-sets.js'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')

async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(parsed.message)
    return 1
  }
  const args = parsed.args
  // The machine's load as the run starts: the grading figures do not depend on it, the timing does.
  const load = loadavg()[0]!.toFixed(2)
  const machine = `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${load}`
  const bank = await loadQuestionBank(resolve(repo, 'questions'))
  const questionOf = (id: string) => bank.get(id)
  const folderOf = (name: TranscriptSetName) =>
    name === args.set && args.data ? args.data : resolve(repo, TRANSCRIPT_SETS[name].folder)
  const date = new Date().toISOString().slice(0, 10)
  const sections: string[] = []

  if (args.grader === 'offline' && !isHeldOutSet(args.set, args.fitSets)) {
    // The fitting run: every fitted set graded with each question held out, a section per set.
    const cases: SetCase[] = []
    for (const set of args.fitSets)
      for (const c of await loadTranscriptCases(folderOf(set))) cases.push({ ...c, set })
    const run = await gradeOffline(cases, questionOf, args.fitSets)
    if (args.perCaseTiming) printSlowestCases(cases, run.caseMs)
    const off = run.modelAnswers.filter((m) => Math.abs(m.score - m.stated) > 1)
    const modelAnswers = `Each question's model answer graded as a one-turn transcript (held-out scale): ${run.modelAnswers
      .map((m) => `${m.score}`)
      .join(
        ', ',
      )} against stated ${run.modelAnswers.map((m) => `${m.stated}`).join(', ')}; ${off.length} more than 1 point away.`
    const figures = figuresBySet(cases, run.outcomes)
    const shipped =
      args.fitSets.length === SHIPPED_FIT_SETS.length &&
      args.fitSets.every((s) => SHIPPED_FIT_SETS.includes(s))
    const flags = shipped ? [] : [`--fit-sets ${args.fitSets.join(',')}`]
    const comparison = run.baseline
      ? [
          `The same ${run.modelAnswers.length} folds fitted two ways, each question's cases of every set held out of its fit together (\`npm run bench:transcripts${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}\`, ${machine}):`,
          '',
          formatFitComparison([
            { name: args.fitSets.join(' + '), figures },
            { name: 'dev only', figures: figuresBySet(cases, run.baseline.outcomes) },
          ]),
        ].join('\n')
      : undefined
    if (comparison) console.log(comparison)
    if (args.writeScale) {
      const file = resolve(repo, 'server/grading/fitted-score-scale.ts')
      await writeFittedScale(file, run.fullScale, folderList(args.fitSets))
      console.log(`Wrote ${file}`)
    }
    for (const set of args.fitSets) {
      const mine = figures.find((f) => f.set === set)!.report
      const scored = cases.flatMap((c, i) => {
        const o = run.outcomes[i]!
        return c.set === set && 'score' in o ? [{ c, score: o.score }] : []
      })
      printFigures(set, mine)
      if (set !== 'dev') printLargestErrors(scored)
      sections.push(
        formatTranscriptsSection(mine, {
          heading:
            set === 'dev'
              ? `${TRANSCRIPT_SETS.dev.heading}, offline grader`
              : TRANSCRIPT_SETS[set].heading,
          ...describeSet(set, mine.n),
          grader: OFFLINE_GRADER,
          command: `npm run bench:transcripts${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`,
          date,
          machine,
          method: run.method,
          ...(set === 'dev' ? { timing: run.timing } : {}),
          failures: failuresOf(
            cases.filter((c) => c.set === set),
            run.outcomes.filter((_, i) => cases[i]!.set === set),
          ),
          extra: [...(set === 'dev' ? [modelAnswers] : []), ...(comparison ? [comparison] : [])],
        }),
      )
    }
    if (!shipped && args.write) {
      console.log(
        `Not written to docs/benchmarks.md: fitted on ${args.fitSets.join(',')}, the shipped scale on ${SHIPPED_FIT_SETS.join(',')}.`,
      )
      args.write = false
    }
  } else {
    const set = TRANSCRIPT_SETS[args.set]
    const blind = isHeldOutSet(args.set, args.fitSets)
    const cases = await loadTranscriptCases(folderOf(args.set))
    let outcomes: CaseOutcome[]
    let grader: string
    let method: string
    if (args.grader === 'offline') {
      outcomes = await gradeWithShippedScale(cases, questionOf)
      method = [
        'Nothing is fitted on this set: every case is graded by the product grader with the scale it ships',
        `(server/grading/fitted-score-scale.ts, fitted on every case of ${folderList(SHIPPED_FIT_SETS)}/), so every`,
        'figure below is a held-out test of transcripts the grader and its scale were never fitted on.',
      ].join('\n')
      grader = OFFLINE_GRADER
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
    const report = summariseGrades(
      attachScores(
        scored.map((x) => x.c),
        scored.map((x) => x.score),
      ),
    )
    printFigures(args.set, report)
    if (blind) printLargestErrors(scored)
    const flags = [
      ...(args.grader === 'llm' ? ['--grader llm'] : []),
      ...(args.set !== 'dev' ? [`--set ${args.set}`] : []),
    ]
    sections.push(
      formatTranscriptsSection(report, {
        heading:
          args.set !== 'dev'
            ? args.grader === 'llm'
              ? // Nothing is fitted for the LLM: the set's name, not how the offline scale used it.
                `${set.heading.split(',')[0]}, LLM grader`
              : set.heading
            : `${set.heading}, ${args.grader === 'offline' ? 'offline grader' : 'LLM grader'}`,
        ...describeSet(args.set, report.n),
        grader,
        command: `npm run bench:transcripts${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`,
        date,
        machine,
        method,
        failures: failuresOf(cases, outcomes),
      }),
    )
  }

  for (const section of sections) console.log(section)
  if (args.write) {
    const file = resolve(repo, 'docs/benchmarks.md')
    let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
    for (const section of sections) doc = replaceSection(doc, section.split('\n')[0]!, section)
    writeFileSync(file, doc)
    console.log(`Wrote ${file}`)
  }
  return 0
}

const OFFLINE_GRADER = 'offline grader (`npm run grade`, POST /api/grade without a key)'

/** The set's own sentence for its section (the dev set's section keeps the formatter's). */
function describeSet(name: TranscriptSetName, n: number): { set?: string } {
  const set: TranscriptSet = TRANSCRIPT_SETS[name]
  return set.describe ? { set: set.describe(n) } : {}
}

function failuresOf(cases: readonly TranscriptCase[], outcomes: readonly CaseOutcome[]): string[] {
  return cases.flatMap((c, i) => {
    const o = outcomes[i]!
    return 'error' in o ? [`${c.questionId}/${c.level}: ${o.error.slice(0, 160)}`] : []
  })
}

/** Four places, to compare a grader change before and after (the section rounds to two). */
function printFigures(set: string, report: TranscriptReport): void {
  console.log(
    `${set}: Spearman ${report.spearman.toFixed(4)}, MAE ${report.mae.toFixed(3)}, within range ${(report.withinRange * 100).toFixed(1)}%, pairs in order ${(report.pairsInOrder * 100).toFixed(1)}%`,
  )
}

function printSlowestCases(cases: readonly TranscriptCase[], caseMs: readonly number[]): void {
  console.log(
    [
      'Slowest cases of the timed pass (ms, words the candidate wrote, case):',
      ...cases
        .map((c, i) => ({ c, ms: caseMs[i]! }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 10)
        .map(
          ({ c, ms }) =>
            `${ms.toFixed(1).padStart(7)} ms ${String(candidateWords(c)).padStart(5)}  ${c.questionId}/${c.level}`,
        ),
    ].join('\n'),
  )
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
