import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createGradingAnalyzer } from '../grading/answer-coverage.js'
import { createOfflineGrader } from '../grading/offline-grader.js'
import { runGradeTranscript } from '../grading/run-grade-transcript.js'
import { loadQuestionBank } from '../questions/question-bank.js'
import { createWinkEmbeddingsLoader } from '../text/wink-embeddings-loader.js'

/** `npm run grade -- <transcript.json> [--json]`: grades a transcript offline and prints the report. */
const questionsDir = join(dirname(fileURLToPath(import.meta.url)), '../../questions')
const code = await runGradeTranscript(
  process.argv.slice(2),
  { print: (line) => console.log(line), printError: (line) => console.error(line) },
  {
    loadBank: () => loadQuestionBank(questionsDir),
    createGrader: () =>
      createOfflineGrader({
        analyzer: createGradingAnalyzer(createWinkEmbeddingsLoader()),
        now: () => new Date(),
      }),
  },
)
process.exitCode = code
