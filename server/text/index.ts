/**
 * Text similarity for grading and the interviewer's coverage map. Start with:
 *
 *   const analyzer = createTextAnalyzer({ embeddings: createWinkEmbeddingsLoader() })
 *   analyzer.coverage(answer, reference) // { score, matchedTerms, missingTerms }
 *
 * Create one loader per process (in the composition root) and share it: the vectors take about
 * a second and 76 MB (half precision) to load from their pack, once, on first use.
 */
export { createTextAnalyzer } from './text-analyzer.js'
export { createZipfWeight, isOneEditApart } from './word-matching.js'
export type {
  Coverage,
  CoverageOptions,
  Term,
  TextAnalyzer,
  TextAnalyzerOptions,
} from './text-analyzer.js'
export { createWinkEmbeddingsLoader } from './wink-embeddings-loader.js'
export type { EmbeddingsLoader, EmbeddingsLoadStats } from './wink-embeddings-loader.js'
export {
  createInMemoryEmbeddings,
  estimateChanceCosine,
  type WordEmbeddings,
} from './word-embeddings.js'
export { stripFencedCode } from './fenced-code.js'
export { splitSentences, tokenizeWords, type SentenceSpan, type WordToken } from './tokenize.js'
export { STOP_WORDS, REASONING_MARKERS } from './stop-words.js'
export { createStemmer, type Stemmer } from './stem.js'
