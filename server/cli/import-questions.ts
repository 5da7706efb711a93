import { runQuestionImport } from '../questions/run-question-import.js'

/** `npm run questions:import -- <file> [--out questions] [--dry-run] [--force]` */
const code = await runQuestionImport(process.argv.slice(2), {
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
})
process.exitCode = code
