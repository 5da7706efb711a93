/** Longer than any real word ("internationalization" is 20); URLs and hashes keep their start. */
const MAX_WORD_CHARS = 40

/**
 * Cuts every run of non-space characters to MAX_WORD_CHARS before text analysis. Stemming and
 * word alignment cost grows with word length, so one 16,000-character "word" would otherwise
 * stall the server for minutes; no real answer loses anything by it.
 */
export function clampLongWords(text: string): string {
  return text.replace(/\S{41,}/g, (word) => word.slice(0, MAX_WORD_CHARS))
}
