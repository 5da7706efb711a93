/**
 * Rewrites of a candidate's text that keep every content word: what a non-native speaker's
 * answer often looks like next to a native one's (bench:transcripts-split). A grader that
 * judges content should score the rewritten text as it scores the original.
 */

/** "We take the lock on a row" -> "We take lock on row". */
export function dropArticles(text: string): string {
  return text.replace(/\b(?:a|an|the)\s+/gi, '')
}

/**
 * Cuts sentences at their conjunctions and semicolons: "The pool is full, so requests wait" ->
 * "The pool is full. So requests wait". Every word stays; only the sentence boundaries move.
 */
export function shortSentences(text: string): string {
  return text
    .replace(
      /,?\s+(and|so|but|because|which|while)\s+/gi,
      (_m, w: string) => `. ${w[0]!.toUpperCase()}${w.slice(1)} `,
    )
    .replace(/;\s+/g, '. ')
}
