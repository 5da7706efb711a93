import { splitSentences } from '../text/index.js'
import { clampLongWords } from './clamp-long-words.js'

/** Longest quote, in words: long enough to be recognisable, short enough never to read as a speech. */
const MAX_QUOTE_WORDS = 10

/**
 * A short span of the candidate's own words to quote back ("You said ..."): the first sentence
 * of the passage, cut to a few words at a word boundary. Null when there is nothing to quote.
 */
export function quoteCandidate(passage: string | null | undefined): string | null {
  if (!passage) return null
  const sentence = splitSentences(passage)[0]?.text
  if (!sentence) return null
  const words = clampLongWords(sentence.replace(/["“”]/g, "'")).split(/\s+/).filter(Boolean)
  if (words.length < 3) return null
  const cut = words.length > MAX_QUOTE_WORDS
  const text = words
    .slice(0, MAX_QUOTE_WORDS)
    .join(' ')
    .replace(/[.,;:!?]+$/, '')
  return cut ? `${text}...` : text
}
