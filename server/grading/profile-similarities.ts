import type { Term, TextAnalyzer } from '../text/text-analyzer.js'
import type { QuestionProfile } from './question-profile.js'

/**
 * Answer words whose similarities to a profile's terms are kept, per profile: with up to 400
 * terms a column is at most 1.6 KB, so a profile keeps at most about 3 MB (profiles live as long
 * as the grader's profile cache holds them, one per question in use).
 */
const MAX_COLUMNS_PER_PROFILE = 2000

const kept = new WeakMap<TextAnalyzer, WeakMap<QuestionProfile, Map<string, Float32Array>>>()

/**
 * `analyzer.similarityMatrix(profile.terms, columns)`, with each answer word's column of
 * similarities kept for the next grade of the question: candidates answering one question share
 * much of their vocabulary with each other and with the model answer (which the warm-up grades),
 * so about half the columns of a grade were computed before, and the matrix was the largest cost
 * of a grade. A column depends only on the profile's terms (fixed once built) and the word (its
 * stem follows from it), so a kept column is the one a fresh computation would give.
 */
export function similarityToProfile(
  analyzer: TextAnalyzer,
  profile: QuestionProfile,
  columns: readonly Term[],
): Float32Array {
  let byProfile = kept.get(analyzer)
  if (!byProfile) kept.set(analyzer, (byProfile = new WeakMap()))
  let cache = byProfile.get(profile)
  if (!cache) byProfile.set(profile, (cache = new Map()))
  const rows = profile.terms.length
  const width = columns.length
  const known = columns.map((t) => cache.get(t.word))
  const fresh = columns.filter((_, j) => known[j] === undefined)
  if (fresh.length > 0) {
    const computed = analyzer.similarityMatrix(profile.terms, fresh)
    let m = 0
    columns.forEach((t, j) => {
      if (known[j] !== undefined) return
      const column = new Float32Array(rows)
      for (let i = 0; i < rows; i++) column[i] = computed[i * fresh.length + m]!
      m++
      known[j] = column
      if (cache.size >= MAX_COLUMNS_PER_PROFILE) cache.delete(cache.keys().next().value!)
      cache.set(t.word, column)
    })
  }
  const out = new Float32Array(rows * width)
  for (let j = 0; j < width; j++) {
    const column = known[j]!
    for (let i = 0; i < rows; i++) out[i * width + j] = column[i]!
  }
  return out
}
