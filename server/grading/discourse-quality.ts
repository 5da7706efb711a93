import { STOP_WORDS } from '../text/stop-words.js'
import { stripFencedCode } from '../text/fenced-code.js'
import { tokenizeWords } from '../text/tokenize.js'

/** How much an answer reads as reasoning rather than a list of keywords. */
export type DiscourseQuality = {
  words: number
  contentWords: number
  /** Share of words that are function words ("because", "the", "would", ...). */
  functionWordRatio: number
  /** Moving-average type-token ratio of content words (window 50): low when words repeat. */
  diversity: number
  /** In [0, 1]: 1 for ordinary explanatory prose, near 0 for a bare or repeated keyword list. */
  quality: number
}

/**
 * Function words are how English expresses relations between ideas: running prose has 40-55% of
 * them, a keyword list almost none. Even telegraphic notes, like the bank's model answers, keep
 * about one word in eight. Below FLOOR nothing is being explained; from NOTES on the text links
 * its ideas. Fixed from those norms, not fitted.
 */
const FUNCTION_FLOOR = 0.04
const FUNCTION_NOTES = 0.14
/** Content-word MATTR of normal prose is 0.7-0.9; stuffing the same keywords drives it down. */
const DIVERSITY_FLOOR = 0.3
const DIVERSITY_PROSE = 0.55
const WINDOW = 50

/** Below this quality an answer reads as a list of terms, not an explanation. */
const LIST_LIKE = 0.6

/** True when the text reads as a list of terms rather than an explanation. */
export function isListLike(quality: DiscourseQuality): boolean {
  return quality.contentWords > 0 && quality.quality < LIST_LIKE
}

/** Measures the discourse quality of a candidate's text (no vectors needed, deterministic). */
export function measureDiscourse(text: string): DiscourseQuality {
  const words = tokenizeWords(stripCode(text)).map((t) => t.word)
  const content = words.filter((w) => !STOP_WORDS.has(w))
  const functionWordRatio = words.length > 0 ? (words.length - content.length) / words.length : 0
  const diversity = movingTypeTokenRatio(content, WINDOW)
  const quality =
    ramp(functionWordRatio, FUNCTION_FLOOR, FUNCTION_NOTES) *
    ramp(diversity, DIVERSITY_FLOOR, DIVERSITY_PROSE)
  return {
    words: words.length,
    contentWords: content.length,
    functionWordRatio,
    diversity,
    quality,
  }
}

function ramp(x: number, floor: number, full: number): number {
  return Math.min(1, Math.max(0, (x - floor) / (full - floor)))
}

/** MATTR (Covington & McFall 2010): mean distinct/total over sliding windows; length-independent. */
function movingTypeTokenRatio(tokens: readonly string[], window: number): number {
  if (tokens.length === 0) return 0
  if (tokens.length <= window) return new Set(tokens).size / tokens.length
  const counts = new Map<string, number>()
  let distinct = 0
  let sum = 0
  for (let i = 0; i < tokens.length; i++) {
    const add = tokens[i]!
    counts.set(add, (counts.get(add) ?? 0) + 1)
    if (counts.get(add) === 1) distinct++
    if (i >= window) {
      const drop = tokens[i - window]!
      const left = counts.get(drop)! - 1
      counts.set(drop, left)
      if (left === 0) distinct--
    }
    if (i >= window - 1) sum += distinct / window
  }
  return sum / (tokens.length - window + 1)
}

/** Code is not prose: fenced blocks and inline code are left out of the measure. */
function stripCode(text: string): string {
  return stripFencedCode(text, ' ').replace(/`[^`\n]*`/g, ' ')
}
