import { readFile } from 'node:fs/promises'
import { GradableTranscriptSchema } from './grade-schema.js'
import { formatGradeReport } from './format-grade-report.js'
import type { OfflineGrader } from './offline-grader.js'
import type { QuestionBank } from '../questions/question-bank.js'

const GRADE_USAGE = 'usage: npm run grade -- <transcript.json> [--json]'

export type GradeCliIo = { print: (line: string) => void; printError: (line: string) => void }

export type GradeCliDeps = {
  loadBank: () => Promise<QuestionBank>
  /** Built lazily: the word vectors load only once the input is known to be valid. */
  createGrader: () => OfflineGrader
}

/**
 * `npm run grade`: reads a GradableTranscript JSON file, grades it offline against its question
 * and prints a readable report (or the Grade as JSON with --json). Returns the exit code:
 * 0 graded, 1 bad arguments, unreadable or invalid input, or unknown question.
 */
export async function runGradeTranscript(
  argv: string[],
  io: GradeCliIo,
  deps: GradeCliDeps,
): Promise<number> {
  const json = argv.includes('--json')
  const rest = argv.filter((a) => a !== '--json')
  const unknown = rest.find((a) => a.startsWith('-'))
  if (unknown || rest.length !== 1) {
    io.printError(
      `${unknown ? `unknown option ${unknown}` : 'expected one transcript file'}\n${GRADE_USAGE}`,
    )
    return 1
  }
  const file = rest[0]!
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (err) {
    io.printError(`cannot read ${file} as JSON: ${(err as Error).message}`)
    return 1
  }
  const parsed = GradableTranscriptSchema.safeParse(raw)
  if (!parsed.success) {
    io.printError(`${file} is not a valid transcript:`)
    for (const issue of parsed.error.issues)
      io.printError(`  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    io.printError(
      'expected {"questionId": "...", "turns": [{"id": "...", "role": "candidate" | "interviewer", "text": "..."}]}',
    )
    return 1
  }
  const bank = await deps.loadBank()
  const question = bank.get(parsed.data.questionId)
  if (!question) {
    io.printError(
      `unknown question "${parsed.data.questionId}"; known: ${bank.questions.map((q) => q.id).join(', ')}`,
    )
    return 1
  }
  const grade = deps.createGrader().grade(question, parsed.data)
  io.print(json ? JSON.stringify(grade, null, 2) : formatGradeReport(grade, question))
  return 0
}
