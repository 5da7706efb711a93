import { createStemmer, STOP_WORDS, tokenizeWords } from '../text/index.js'

/**
 * Two questions at or above this share of content words (Jaccard, on stems) ask the same thing.
 * The templates of one step kind share at most a third of their words with each other, and a
 * reworded copy keeps well over half, so one half separates them.
 */
const NEAR = 0.5

const stem = createStemmer()

/** The content stems of a text, minus `ignore` (the names of steps, which vary per question). */
export function contentStemsOf(text: string, ignore: ReadonlySet<string> = new Set()): Set<string> {
  const stems = new Set<string>()
  for (const { word } of tokenizeWords(text)) {
    if (STOP_WORDS.has(word)) continue
    const s = stem(word)
    if (!ignore.has(s)) stems.add(s)
  }
  return stems
}

/**
 * Whether `candidate` asks what one of `asked` already asked, in other words or about another
 * step with the same wording ("Let's talk about X. What has to be true...?" for X then Y). Names
 * of steps are ignored (`ignore`), so only the question's own words are compared.
 */
export function isNearRepeat(
  candidate: string,
  asked: readonly string[],
  ignore: ReadonlySet<string> = new Set(),
): boolean {
  const a = contentStemsOf(candidate, ignore)
  return asked.some((previous) => {
    const b = contentStemsOf(previous, ignore)
    if (a.size === 0 || b.size === 0) return candidate.trim() === previous.trim()
    return jaccard(a, b) >= NEAR
  })
}

/**
 * The largest share of content stems `candidate` has in common with one of `asked` (Jaccard, 0
 * to 1): how close it comes to repeating a question, for choosing the least repetitive of several.
 */
export function closestOverlap(
  candidate: string,
  asked: readonly string[],
  ignore: ReadonlySet<string> = new Set(),
): number {
  const a = contentStemsOf(candidate, ignore)
  let closest = 0
  for (const previous of asked)
    closest = Math.max(closest, jaccard(a, contentStemsOf(previous, ignore)))
  return closest
}

/** Shared stems over all stems of the two (1 when both are empty). */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const s of a) if (b.has(s)) shared++
  const union = a.size + b.size - shared
  return union === 0 ? 1 : shared / union
}

/** The stems of the question's step and criterion names, which templates fill in. */
export function labelStems(labels: readonly string[]): Set<string> {
  const stems = new Set<string>()
  for (const label of labels) for (const s of contentStemsOf(label)) stems.add(s)
  return stems
}
