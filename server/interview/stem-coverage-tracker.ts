import type { Question } from '../questions/question-schema.js'
import { createTextAnalyzer } from '../text/index.js'
import { createCoverageTracker, type CoverageTracker } from './coverage-tracker.js'

/**
 * The coverage tracker the interview uses, on the main thread or in a coverage worker: the same
 * construction in both places, so a map does not depend on where it was computed.
 * Coverage matches stems, not word vectors: on the labelled answers of bench:coverage the vectors
 * cost about 0.1 F1 (they make every step look a little like every answer). So the coverage
 * workers need no copy of the vectors.
 */
export function createStemCoverageTracker(questions: readonly Question[]): CoverageTracker {
  return createCoverageTracker({ questions, analyzer: createTextAnalyzer() })
}
