import stem from 'wink-porter2-stemmer'
import { NEUTRAL_PROBE } from '../../server/interview/leak-guard.js'

/**
 * Text measures of the bench, kept apart from the interviewer's own (question-similarity.ts,
 * leak-guard.ts) so the bench does not grade the interviewer by its own yardstick.
 */

const STOPWORDS = new Set(
  'a an the and or but if then than so of to in on at by for with from about into over as is are was were be been being do does did doing have has had having i you your yours we our us it its this that these those there here what which who whom how why when where would could should will can may might must shall just also very more most any some each every one own not no nor only same too s t don now me my let lets walk tell say said ok okay right noted'.split(
    ' ',
  ),
)

/** Quoted spans removed: a question is judged by its own words, not the candidate's quoted ones. */
export function withoutQuotes(text: string): string {
  return text.replace(/["“][^"”]*["”]/g, ' ')
}

/** The sentences of a turn that ask something, quotes of the candidate left out. */
export function askedQuestions(text: string): string[] {
  return withoutQuotes(text)
    .split(/(?<=[.?!])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.endsWith('?') && /\p{L}/u.test(s))
}

/**
 * How many asks a turn makes, for "turns with 2+ questions": its questions, and the leak guard's
 * neutral probe, an instruction ("Walk me through how you would approach that part.") that asks
 * for an answer as a question does.
 */
export function askCount(text: string): number {
  return askedQuestions(text).length + (text.includes(NEUTRAL_PROBE) ? 1 : 0)
}

/** The content-word stems of a sentence. */
export function contentStems(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return new Set(words.filter((w) => !STOPWORDS.has(w)).map((w) => stem(w)))
}

/** Share of content stems two sentences have in common (Jaccard); 1 for two empty sentences. */
export function stemOverlap(a: string, b: string): number {
  const x = contentStems(a)
  const y = contentStems(b)
  if (x.size === 0 && y.size === 0) return 1
  let shared = 0
  for (const s of x) if (y.has(s)) shared++
  return shared / (x.size + y.size - shared)
}

/** Lowercase words, punctuation dropped: what "the same words" means for a leak. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Every run of `n` consecutive words, joined by spaces. */
export function shingles(text: string, n: number): Set<string> {
  const w = words(text)
  const out = new Set<string>()
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '))
  return out
}
