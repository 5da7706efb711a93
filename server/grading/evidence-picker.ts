import type { CandidateSentence } from './candidate-sentences.js'
import type { Evidence } from './grade-schema.js'

/** At most this many quotes per criterion: the best-supported, not a dump of the transcript. */
const MAX_QUOTES = 2
/** A sentence needs this many words to say something (fragments like "Yes." are no evidence). */
const MIN_WORDS = 4
/** A quote must match at least this many of the reference's content words to count as evidence... */
const MIN_MATCHED_TERMS = 2
/** ...and share at least one exact stem with the reference, not only kindred words. */
const MIN_EXACT_TERMS = 1
/**
 * A quote's support must reach this share of the most a sentence could have (each of its four
 * parts at its best): half, as the share of the best-covering sentence it replaces.
 */
const MIN_SUPPORT = 0.5
/**
 * How much the interviewer's question before a turn counts towards what its sentences are about,
 * against 1 each for the reference and the description: chosen on the evidence labels of
 * questions 1-7 (0.25 / 0.5 / 0.75 / 1: quotes off 33 / 30 / 34 / 36%, 34% without it; measured
 * before the rule on second quotes).
 */
const ASKED_WEIGHT = 0.5

/** How one candidate sentence meets one criterion's reference. */
export type SentenceMatch = {
  /** Share of the reference's content terms the sentence reaches (soft coverage), in [0, 1]. */
  score: number
  /** Reference terms the sentence matches (similarity >= 0.5). */
  matched: number
  /** Reference terms whose very stem the sentence uses. */
  exact: number
}

/** What a sentence says of one criterion, each measure in [0, 1]. */
export type EvidenceSignals = {
  /** Coverage of the criterion's reference (its description and the model answer on it). */
  matchOf: (sentence: number, criterion: number) => SentenceMatch
  /** Coverage of the criterion's description alone. */
  describe: (sentence: number, criterion: number) => number
  /**
   * How much the interviewer's question the sentence answers (the last one before its turn)
   * asks about the criterion; 0 for every criterion when there is no such question.
   */
  asked?: (sentence: number, criterion: number) => number
}

/**
 * The candidate sentences that support each of a group of criteria (a question's rubric, or its
 * competencies), most specific first.
 *
 * Which sentences may be quoted is as before (the pool): a sentence's support for a criterion
 * adds what it covers of the criterion's reference and of its description alone, each relative to
 * the answer's best sentence on it, plus the same mean over the sentences of its turn; a
 * criterion quotes from the sentences with half the most support there can be (else from those
 * that name two of its terms, one by its own word). That pool decides whether a criterion has
 * evidence at all, which moves its score (verify-evidence.ts caps one without).
 *
 * Which of the pool are quoted is how specific a sentence is to the criterion: its reference,
 * description and question measures, each relative to the criterion's mean over the answer's
 * sentences (a criterion every sentence touches, "Phased Strategy" of an answer that walks through
 * phases, counts less for each; against the best sentence, one broad sentence set the scale of
 * every criterion), plus their mean over the turn (a turn mostly answers one question, so "and
 * lets us measure adoption" is read with the sentences around it), less the same for the
 * criterion the sentence is most about among the others. The interviewer's question counts too:
 * the answer to "how will you know who has migrated?" is about monitoring whatever its words. A
 * second quote is given only when the sentence is more about this criterion than any other, so a
 * sentence about another criterion is never quoted to make up the number. Chosen on the evidence
 * labels of questions 1-7 (bench/feedback-labels.txt); quotes not about their criterion, held out
 * (questions 8-15): 51% with the reference alone, 37% with the best-relative support, 26% so with
 * the description, 27% with name and description, which the offline grader passes as `describe` (npm
 * run bench:feedback). Quotes are whole sentences copied from the turn, so they are verbatim.
 */
export function rankEvidence(
  sentences: readonly CandidateSentence[],
  criteria: number,
  signals: EvidenceSignals,
): Evidence[][] {
  const { matchOf, describe, asked } = signals
  const targets = Array.from({ length: criteria }, (_, t) => t)
  const rows = sentences.flatMap((s, k) =>
    s.text.split(/\s+/).length >= MIN_WORDS
      ? [
          {
            s,
            matches: targets.map((t) => matchOf(k, t)),
            described: targets.map((t) => describe(k, t)),
            asked: targets.map((t) => asked?.(k, t) ?? 0),
          },
        ]
      : [],
  )
  if (rows.length === 0) return targets.map(() => [])
  const scores = rows.map((r) => r.matches.map((m) => m.score))
  const described = rows.map((r) => r.described)
  const askedOf = rows.map((r) => r.asked)

  // The pool: support relative to the best sentence, with the turn's mean.
  const pool = withTurnMean(
    rows,
    sum(relativeTo(scores, maxOf(scores)), relativeTo(described, maxOf(described))),
  )
  // Each part is at most 1 for the best sentence: four parts, so at most 4.
  const floor = 4 * MIN_SUPPORT
  // The ranking: measures relative to the criterion's mean over the answer, with the turn's mean.
  const about = withTurnMean(
    rows,
    sum(
      relativeTo(scores, meanOf(scores)),
      relativeTo(described, meanOf(described)),
      scale(relativeTo(askedOf, meanOf(askedOf)), ASKED_WEIGHT),
    ),
  )
  // Less the most about any other criterion: the row's best, or for the best its runner-up,
  // found once per sentence rather than once per sentence and criterion.
  const specificity = about.map((a) => {
    let top = 0
    for (let t = 1; t < a.length; t++) if (a[t]! > a[top]!) top = t
    const runnerUp = Math.max(-Infinity, ...a.filter((_, o) => o !== top))
    return a.map((v, t) => v - (t === top ? runnerUp : a[top]!))
  })

  return targets.map((t) => {
    const ranked = rows.map((row, i) => ({ row, i, specificity: specificity[i]![t]! }))
    const eligible = ranked.filter(
      (e) =>
        e.row.matches[t]!.exact >= MIN_EXACT_TERMS &&
        e.row.matches[t]!.matched >= MIN_MATCHED_TERMS,
    )
    if (eligible.length === 0) return []
    const supported = ranked.filter(
      (e) => e.row.matches[t]!.matched >= 1 && pool[e.i]![t]! >= floor,
    )
    return (supported.length > 0 ? supported : eligible)
      .sort((a, b) => b.specificity - a.specificity || a.i - b.i)
      .slice(0, MAX_QUOTES)
      .filter((e, k) => k === 0 || e.specificity > 0)
      .map(({ row }) => ({ turnId: row.s.turnId, quote: row.s.text }))
  })
}

type Table = number[][]

/** Per criterion (column), the best value over the sentences (rows); never 0, so it divides. */
const maxOf = (x: Table) => x[0]!.map((_, t) => Math.max(1e-6, ...x.map((r) => r[t]!)))
/** Per criterion, the mean over the sentences; 0 when no sentence reaches it. */
const meanOf = (x: Table) => x[0]!.map((_, t) => x.reduce((s, r) => s + r[t]!, 0) / x.length)
/** Each value over its criterion's `by`: 0 for a criterion no sentence reaches. */
const relativeTo = (x: Table, by: number[]) =>
  x.map((r) => r.map((v, t) => (by[t]! > 0 ? v / by[t]! : 0)))
const scale = (x: Table, w: number) => x.map((r) => r.map((v) => v * w))
const sum = (...xs: Table[]) =>
  xs[0]!.map((r, i) => r.map((_, t) => xs.reduce((s, x) => s + x[i]![t]!, 0)))

/** Each sentence's values plus the mean of its turn's sentences. */
function withTurnMean(rows: ReadonlyArray<{ s: CandidateSentence }>, x: Table): Table {
  const means = new Map<string, number[]>()
  for (const turnId of new Set(rows.map((r) => r.s.turnId))) {
    const members = x.filter((_, i) => rows[i]!.s.turnId === turnId)
    means.set(
      turnId,
      x[0]!.map((_, t) => members.reduce((s, m) => s + m[t]!, 0) / members.length),
    )
  }
  return x.map((r, i) => r.map((v, t) => v + means.get(rows[i]!.s.turnId)![t]!))
}
