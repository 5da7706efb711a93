import { z } from 'zod'

/** What `npm run bench:interviewer -- --help` prints. */
export const USAGE = `npm run bench:interviewer [-- options]

Simulated candidates against the interviewer, offline engine and scripted LLM, all 15 questions;
writes the "Simulated candidates (interviewer)" section of docs/benchmarks.md, with the same
candidates in other words (labelled:0 to labelled:3) per question.

  --no-write           print the section only
  --problems           also print every flagged problem (engine, question, candidate, what)
  --explain            also print, for each follow-up aimed at a covered step, the candidate's
                       answers before it (labels, each sentence's coverage-map score by step) and
                       the map and answer topics the interviewer had then
  --engine=NAME        offline or llm: run one engine only (implies --no-write)
  --questions=2,7      question numbers to run (implies --no-write)
  --scripts=labelled:N candidates answer in other words: each step answer a labelled answer of
                       bench:coverage covering that step alone, the N-th (0, 1, ...); a stand-in
                       for hidden candidate scripts (implies --no-write; no drills)
  --scripts=blind      candidates follow the held-out blind scripts (candidate-scripts-blind.ts:
                       their own step answers, keywords and clarifying questions, written without
                       seeing the interviewer and never tuned on) (implies --no-write; no drills)
  --steps-per-reply=K  each step answer goes on with the candidate's next K-1 steps, labelled
                       with all of them (implies --no-write; no drills)
  --help               this text

A problem line starts with what the bench counted it as: "leak" (8 consecutive words of the model
answer the candidate never saw or said), "repeated" (a question whose words match, or share 60% of
their content stems with, one asked before in the session), "asked about covered step", "N
questions in one turn", "quote used again", "clarification".`

const OptionsSchema = z.object({
  help: z.boolean(),
  write: z.boolean(),
  problems: z.boolean(),
  explain: z.boolean(),
  engines: z.array(z.enum(['offline', 'llm'])).min(1),
  questions: z.array(z.number().int().min(1)).nullable(),
  /** null: the bench's own scripts; otherwise the labelled answers' `pick`-th choice. */
  labelledPick: z.number().int().min(0).nullable(),
  /** The held-out blind scripts (BLIND_CANDIDATE_SCRIPTS) instead of the bench's own. */
  blind: z.boolean(),
  /** Framework steps one step answer goes through; 1 for the bench's own candidates. */
  stepsPerReply: z.number().int().min(1),
})
export type BenchOptions = z.infer<typeof OptionsSchema>

/** Reads the command line; throws on an unknown flag or a bad value, so a typo is not a full run. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const value = (flag: string) => argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1)
  const known = [
    '--help',
    '--no-write',
    '--problems',
    '--explain',
    '--engine',
    '--questions',
    '--scripts',
    '--steps-per-reply',
  ]
  const unknown = argv.filter((a) => !known.includes(a.split('=')[0]!))
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}\n\n${USAGE}`)
  const engine = value('--engine')
  const questions = value('--questions')
  const scripts = value('--scripts')
  const blind = scripts === 'blind'
  const labelled = scripts === undefined || blind ? null : /^labelled:(\d+)$/.exec(scripts)
  if (scripts !== undefined && !blind && !labelled) {
    throw new Error(`--scripts takes labelled:N or blind, not ${scripts}\n\n${USAGE}`)
  }
  const perReply = value('--steps-per-reply')
  const subset =
    engine !== undefined ||
    questions !== undefined ||
    scripts !== undefined ||
    perReply !== undefined
  return OptionsSchema.parse({
    help: argv.includes('--help'),
    write: !argv.includes('--no-write') && !subset,
    problems: argv.includes('--problems'),
    explain: argv.includes('--explain'),
    engines: engine === undefined ? ['offline', 'llm'] : [engine],
    questions:
      questions === undefined
        ? null
        : questions
            .split(',')
            .filter(Boolean)
            .map((n) => Number(n)),
    labelledPick: labelled ? Number(labelled[1]) : null,
    blind,
    stepsPerReply: perReply === undefined ? 1 : Number(perReply),
  })
}
