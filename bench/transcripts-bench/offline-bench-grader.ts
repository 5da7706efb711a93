import { computePercentile } from '../stream/percentile.js'
import { createGradingAnalyzer } from '../../server/grading/answer-coverage.js'
import { createOfflineGrader } from '../../server/grading/offline-grader.js'
import type { Question } from '../../server/questions/question-schema.js'
import {
  createWinkEmbeddingsLoader,
  defaultPackCacheDir,
} from '../../server/text/wink-embeddings-loader.js'
import { gradeCases, type CaseOutcome } from './grade-cases.js'
import type { TranscriptCase } from './transcript-case.js'

/**
 * Grades the cases with the offline grader the product runs (`npm run grade`; POST /api/grade
 * runs the same grader on a worker thread), one at a time, after the word vectors are loaded as
 * the server loads them at start: the timings are whole transcripts "after start".
 */
export async function gradeOffline(
  cases: readonly TranscriptCase[],
  questionOf: (id: string) => Question | undefined,
): Promise<{ outcomes: CaseOutcome[]; method: string; timing: string }> {
  const loader = createWinkEmbeddingsLoader({ cacheDir: defaultPackCacheDir() })
  loader.load()
  const grader = createOfflineGrader({
    analyzer: createGradingAnalyzer(loader),
    now: () => new Date(),
  })
  const outcomes = await gradeCases(cases, questionOf, {
    grade: async (question, transcript) => grader.grade(question, transcript),
  })
  const ms = outcomes.map((o) => o.ms)
  const p = (q: number) => computePercentile(ms, q)?.toFixed(0) ?? 'n/a'
  return {
    outcomes,
    method:
      'Nothing is fitted to this set: the scores are the grades `npm run grade` prints for each transcript.',
    timing: `p50 ${p(50)} ms, p99 ${p(99)} ms, max ${p(100)} ms (first grade included; vectors loaded in ${((loader.stats?.loadMs ?? 0) / 1000).toFixed(1)} s before)`,
  }
}
