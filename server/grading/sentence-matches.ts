import type { TextAnalyzer } from '../text/text-analyzer.js'
import type { TermMatrix } from './content-measure.js'
import type { SentenceMatch } from './evidence-picker.js'
import type { QuestionProfile } from './question-profile.js'

/** A reference term matched from this similarity on, as the analyzer's coverage counts it. */
const MATCHED = 0.5

/**
 * How each candidate sentence meets each target's reference, read off the similarity matrix the
 * content measure already computed (every profile term against every answer term), instead of
 * a fresh coverage per sentence and target: the same figures as the analyzer's coverage with the
 * profile's demoted words left out, at a fraction of the cost (a long transcript's evidence took
 * about 80 ms of a 110 ms grade). `targets` are indices into the profile's targets.
 */
export function matchSentences(
  profile: QuestionProfile,
  matrix: TermMatrix,
  targets: readonly number[],
): (sentence: number, target: number) => SentenceMatch {
  const { sims, width, sentenceColumns, sentenceStems } = matrix
  return (k, t) => {
    const indices = profile.targets[targets[t]!]!.termIndices
    const columns = sentenceColumns[k]!
    const stems = sentenceStems[k]!
    let sum = 0
    let matched = 0
    let exact = 0
    for (const i of indices) {
      let best = 0
      for (const j of columns) {
        const sim = sims[i * width + j]!
        if (sim > best) best = sim
      }
      sum += best
      if (best >= MATCHED) matched++
      if (stems.has(profile.terms[i]!.stem)) exact++
    }
    return { score: indices.length > 0 ? sum / indices.length : 0, matched, exact }
  }
}

/**
 * Per profile (built once per question and analyzer, and never changed): its rows by stem and its
 * demoted stems, which every grade of the question would otherwise rebuild.
 */
const profileRows = new WeakMap<
  QuestionProfile,
  { rowOf: Map<string, number>; demoted: Set<string> }
>()

/**
 * How much of a short text (a point of the model answer) the whole answer reaches, read off the
 * same matrix: the mean, over the text's terms left after demoting, of each term's best
 * similarity in any sentence, as the analyzer's coverage would give it. Undefined when one of
 * those terms is not a profile term (then the caller measures it the slow way).
 */
export function reachFromMatrix(
  analyzer: TextAnalyzer,
  profile: QuestionProfile,
  matrix: TermMatrix,
): (text: string) => number | undefined {
  const { sims, width } = matrix
  let rows = profileRows.get(profile)
  if (!rows) {
    rows = {
      rowOf: new Map(profile.terms.map((t, i) => [t.stem, i])),
      demoted: new Set(analyzer.terms(profile.demote).map((t) => t.stem)),
    }
    profileRows.set(profile, rows)
  }
  const { rowOf, demoted } = rows
  return (text) => {
    const own = analyzer.terms(text)
    const kept = own.some((t) => !demoted.has(t.stem))
      ? own.filter((t) => !demoted.has(t.stem))
      : own
    let sum = 0
    for (const term of kept) {
      const i = rowOf.get(term.stem)
      if (i === undefined) return undefined
      let best = 0
      for (let j = 0; j < width; j++) {
        const sim = sims[i * width + j]!
        if (sim > best) best = sim
      }
      sum += best
    }
    return kept.length > 0 ? sum / kept.length : 0
  }
}
