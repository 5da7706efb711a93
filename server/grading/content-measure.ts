import type { TextAnalyzer } from '../text/text-analyzer.js'
import type { QuestionProfile } from './question-profile.js'
import { countFigures } from './specific-details.js'
import { hasFillerTalk } from './filler-talk.js'
import { similarityToProfile } from './profile-similarities.js'

/**
 * Two different words count as the same point from this chance-corrected similarity on
 * ("rollback" for "revert"); below it a match is as likely to be noise as kinship, and a long
 * answer would collect such faint matches by length alone.
 */
const MATCH = 0.5
/**
 * A match this close is the reference's own word (the same stem, 1, or a likely misspelling of it,
 * 0.9): the sentence names the point rather than talking near it.
 */
const OWN_WORD = 0.9

/** How the candidate's words meet a question's references. */
export type ContentMeasure = {
  /** Per profile target, in order: the share of its reference terms the answer reaches. */
  recall: number[]
  /**
   * Per profile target, in order: the part of `recall` from reference terms the answer names by
   * their own word (a match of OWN_WORD or more); the rest of `recall` is near words, reached
   * through word vectors alone.
   */
  ownRecall: number[]
  /** Per profile target: the reference terms reached, in reference order. */
  matched: string[][]
  /** Share of the candidate's words in sentences that reach no reference term not reached before. */
  fillerShare: number
  /** Distinct figures stated in the sentences that carry content (specific-details.ts). */
  figures: number
  /**
   * The sentences that touch the question (reach any reference term, new or not), in order: where
   * the answer says something about it, as against an aside ("it's always Friday").
   */
  onQuestion: string[]
  /** The similarities the measure was read from, kept for picking evidence (sentence-matches.ts). */
  matrix: TermMatrix
}

/** Every reference term of a profile against every distinct term of an answer's sentences. */
export type TermMatrix = {
  /** Row i (a profile term), column j (an answer term): similarity, in [0, 1]. */
  sims: Float32Array
  width: number
  /** Per sentence, in order: the columns of its terms. */
  sentenceColumns: number[][]
  /** Per sentence, in order: the stems of its terms. */
  sentenceStems: Set<string>[]
}

/**
 * Measures an answer, sentence by sentence, against every reference of the question at once.
 *
 * Recall counts a reference term as reached by its best match in the answer (1 for the same stem,
 * the chance-corrected word-vector similarity from MATCH on), with no floor subtracted: below
 * MATCH nothing counts, so length alone earns nothing. Sentences are read in order; a sentence
 * that reaches no reference term beyond those already reached is filler (restating, hedging,
 * generic talk) and its words count toward `fillerShare`; only the other sentences count for
 * recall and figures, so adding filler never raises recall and always raises the filler share.
 * Generic talk brushes against many reference terms through loose word-vector kinship ("the
 * team", "discipline", "risk"), so a sentence carrying conversational filler (filler-talk.ts)
 * is filler too unless it reaches a new reference term by the term's own word.
 */
export function measureContent(
  analyzer: TextAnalyzer,
  profile: QuestionProfile,
  sentences: readonly string[],
): ContentMeasure {
  const refs = profile.terms
  const sentenceTerms = sentences.map((s) => analyzer.terms(s))
  const candidate = [...new Map(sentenceTerms.flat().map((t) => [t.stem, t])).values()]
  const column = new Map(candidate.map((t, j) => [t.stem, j]))
  const sims = similarityToProfile(analyzer, profile, candidate)
  const width = candidate.length

  const best = new Float32Array(refs.length)
  let fillerWords = 0
  let allWords = 0
  const kept: string[] = []
  const onQuestion: string[] = []

  sentences.forEach((text, k) => {
    const words = text.split(/\s+/).filter(Boolean).length
    allWords += words
    const cols = sentenceTerms[k]!.map((t) => column.get(t.stem)!)
    const reach = new Float32Array(refs.length)
    let fresh = 0
    let freshOwn = 0
    let touches = false
    for (let i = 0; i < refs.length; i++) {
      let b = 0
      for (const j of cols) {
        const s = sims[i * width + j]!
        if (s > b) b = s
      }
      if (b < MATCH) continue
      touches = true
      reach[i] = b
      if (best[i]! < MATCH) {
        fresh++
        if (b >= OWN_WORD) freshOwn++
      }
    }
    if (touches) onQuestion.push(text)
    if (fresh === 0 || (freshOwn === 0 && hasFillerTalk(text))) {
      fillerWords += words
      return
    }
    kept.push(text)
    for (let i = 0; i < refs.length; i++) if (reach[i]! > best[i]!) best[i] = reach[i]!
  })

  const recall = profile.targets.map((t) =>
    t.termIndices.length > 0
      ? t.termIndices.reduce((sum, i) => sum + best[i]!, 0) / t.termIndices.length
      : 0,
  )
  const ownRecall = profile.targets.map((t) =>
    t.termIndices.length > 0
      ? t.termIndices.reduce((sum, i) => sum + (best[i]! >= OWN_WORD ? best[i]! : 0), 0) /
        t.termIndices.length
      : 0,
  )
  const matched = profile.targets.map((t) =>
    t.termIndices.filter((i) => best[i]! >= MATCH).map((i) => refs[i]!.word),
  )
  return {
    recall,
    ownRecall,
    matched,
    fillerShare: allWords > 0 ? fillerWords / allWords : 1,
    figures: countFigures(kept),
    onQuestion,
    matrix: {
      sims,
      width,
      sentenceColumns: sentenceTerms.map((ts) => ts.map((t) => column.get(t.stem)!)),
      sentenceStems: sentenceTerms.map((ts) => new Set(ts.map((t) => t.stem))),
    },
  }
}
