/**
 * Normal form for matching quotes: curly quotes and apostrophes made straight, whitespace runs
 * collapsed to one space, lowercase, trimmed. Outer quote marks and a trailing ellipsis that a
 * grader wraps around a quote are not part of it.
 */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** The quote itself, without the outer quote marks or ellipses a grader may add around it. */
export function stripQuoteWrapping(quote: string): string {
  return quote
    .trim()
    .replace(/^(?:\.\.\.|…|["'“”‘’«»])+/, '')
    .replace(/(?:\.\.\.|…|["'“”‘’«»])+$/, '')
    .trim()
}
