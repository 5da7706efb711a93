import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createGradingAnalyzer } from '../../server/grading/answer-coverage.js'
import { createProfileCache } from '../../server/grading/question-profile.js'
import { loadQuestionBank } from '../../server/questions/question-bank.js'
import {
  createWinkEmbeddingsLoader,
  defaultPackCacheDir,
} from '../../server/text/wink-embeddings-loader.js'
import { loadTranscriptCases } from './transcript-case.js'

/**
 * What the scripts that measure the offline grader's raw measure on the graded transcripts
 * (bench:transcripts-variants, bench:transcripts-steps) start from: the cases, the question
 * bank, and the grading analyzer with the word vectors loaded as the server loads them, with its
 * profile cache.
 */
export async function loadMeasureInputs() {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
  const cases = await loadTranscriptCases(resolve(repo, 'bench/transcripts'))
  const bank = await loadQuestionBank(resolve(repo, 'questions'))
  const loader = createWinkEmbeddingsLoader({ cacheDir: defaultPackCacheDir() })
  loader.load()
  const analyzer = createGradingAnalyzer(loader)
  return { cases, bank, analyzer, profileOf: createProfileCache(analyzer) }
}
