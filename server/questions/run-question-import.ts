import { readFile } from 'node:fs/promises'
import { writeQuestionFiles } from './question-file-writer.js'
import { importSeedDocument } from './seed-importer.js'

const IMPORT_USAGE =
  'usage: npm run questions:import -- <file> [--out questions] [--dry-run] [--force]'

export type ImportArgs = { file: string; out: string; dryRun: boolean; force: boolean }

/** Parses the command line of `questions:import`; an unknown flag is an error, not ignored. */
export function parseImportArgs(argv: string[]): { ok: true; args: ImportArgs } | { ok: false; error: string } {
  const args: ImportArgs = { file: '', out: 'questions', dryRun: false, force: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--dry-run') args.dryRun = true
    else if (arg === '--force') args.force = true
    else if (arg === '--out') {
      const value = argv[++i]
      if (!value) return { ok: false, error: '--out needs a folder' }
      args.out = value
    } else if (arg.startsWith('-')) return { ok: false, error: `unknown option ${arg}` }
    else if (args.file) return { ok: false, error: `one input file only (got ${args.file} and ${arg})` }
    else args.file = arg
  }
  if (!args.file) return { ok: false, error: 'missing the input file' }
  return { ok: true, args }
}

export type ImportIo = { print: (line: string) => void; printError: (line: string) => void }

/** Runs the import; returns the exit code (0 done, 1 bad input or malformed document). */
export async function runQuestionImport(argv: string[], io: ImportIo): Promise<number> {
  const parsed = parseImportArgs(argv)
  if (!parsed.ok) {
    io.printError(`${parsed.error}\n${IMPORT_USAGE}`)
    return 1
  }
  const { file, out, dryRun, force } = parsed.args
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    io.printError(`cannot read ${file}: ${(err as Error).message}`)
    return 1
  }
  const imported = importSeedDocument(text)
  if (!imported.ok) {
    for (const e of imported.errors) io.printError(`${file}:${e.line}: ${e.message}`)
    io.printError(`${imported.errors.length} problem(s); nothing written.`)
    return 1
  }
  const result = await writeQuestionFiles(imported.questions, out, { overwrite: force, dryRun })
  if (!result.ok) {
    for (const e of result.errors) io.printError(e)
    io.printError('nothing written.')
    return 1
  }
  const verb = dryRun ? 'would write' : 'wrote'
  for (const path of result.written) io.print(`${verb} ${path}`)
  for (const path of result.kept) {
    io.print(`kept ${path} (a file for this id exists and may hold hand-restored code; --force replaces it)`)
  }
  io.print(`${imported.questions.length} questions: ${result.written.length} ${verb}, ${result.kept.length} kept.`)
  return 0
}
