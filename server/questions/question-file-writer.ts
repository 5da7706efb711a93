import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeQuestionFile } from './question-file.js'
import { QuestionSchema, type Question } from './question-schema.js'

/** `questions/07-the-microservices-coordination-nightmare.md`: sorted by number, named by id. */
export function questionFileName(question: Pick<Question, 'number' | 'id'>): string {
  return `${String(question.number).padStart(2, '0')}-${question.id}.md`
}

/** The id a bank file name carries (`NN-<id>.md`), or undefined for other files. */
function idOfFileName(file: string): string | undefined {
  return /^\d+-([a-z0-9-]+)\.md$/.exec(file)?.[1]
}

export type WriteOptions = {
  /** Replace the file of an id that already has one (it may hold hand-restored code). */
  overwrite?: boolean
  /** Decide and report, write nothing. */
  dryRun?: boolean
  /** Injected by tests to make a write fail; node's writeFile otherwise. */
  writeFile?: (path: string, text: string) => Promise<void>
}

export type WriteResult =
  | { ok: true; written: string[]; kept: string[] }
  | { ok: false; errors: string[] }

function validateAll(questions: Question[]): string[] {
  const errors: string[] = []
  const ids = new Set<string>()
  const numbers = new Set<number>()
  for (const q of questions) {
    const parsed = QuestionSchema.safeParse(q)
    if (!parsed.success) {
      errors.push(`${q.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    }
    if (ids.has(q.id)) errors.push(`duplicate id "${q.id}"`)
    if (numbers.has(q.number)) errors.push(`duplicate number ${q.number} (${q.id})`)
    ids.add(q.id)
    numbers.add(q.number)
  }
  return errors
}

/**
 * Validates every question first, then writes each to a temp file and renames them into place,
 * so an invalid set writes nothing and a failed write leaves the existing files as they were.
 * A question whose id already has a file keeps that file unless `overwrite` is set.
 */
export async function writeQuestionFiles(
  questions: Question[],
  dir: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const errors = validateAll(questions)
  if (errors.length > 0) return { ok: false, errors }
  await mkdir(dir, { recursive: true })
  const existing = new Map<string, string>()
  for (const file of await readdir(dir)) {
    const id = idOfFileName(file)
    if (id) existing.set(id, file)
  }
  const kept: string[] = []
  const plan: { question: Question; file: string; replaces?: string }[] = []
  for (const question of questions) {
    const old = existing.get(question.id)
    if (old && !options.overwrite) kept.push(join(dir, old))
    else plan.push({ question, file: questionFileName(question), replaces: old })
  }
  const written = plan.map((p) => join(dir, p.file))
  if (options.dryRun) return { ok: true, written, kept }

  const temps = plan.map((p, i) => join(dir, `.${p.file}.${process.pid}-${i}.tmp`))
  try {
    const write = options.writeFile ?? ((path, text) => writeFile(path, text))
    for (const [i, p] of plan.entries()) await write(temps[i]!, serializeQuestionFile(p.question))
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true }).catch(() => undefined)))
    return { ok: false, errors: [`could not write the question files: ${(err as Error).message}`] }
  }
  for (const [i, p] of plan.entries()) {
    await rename(temps[i]!, join(dir, p.file))
    if (p.replaces && p.replaces !== p.file) await rm(join(dir, p.replaces), { force: true })
  }
  return { ok: true, written, kept }
}
