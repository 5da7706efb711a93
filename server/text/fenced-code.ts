// A fenced block runs from one ``` to the next; lazy, so two blocks do not swallow the prose between.
const FENCED_CODE = /```[\s\S]*?```/g

/**
 * The text with its fenced code blocks replaced (by a line break unless told otherwise): prose
 * measures (sentences, paragraphs, words) look at what is said, not at code that is recited. A
 * line break keeps the sentences on either side of a block apart.
 */
export function stripFencedCode(text: string, replacement = '\n'): string {
  return text.replace(FENCED_CODE, replacement)
}
