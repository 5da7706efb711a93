/**
 * Phrases by which an answer weighs one option against another or says what a choice costs:
 * "rather than", "instead of", "the catch is", "trade-off", "I wouldn't", "we give up". English
 * only, like the rest of the discourse measures.
 */
const WEIGHING =
  /\b(?:trade-?offs?|rather than|instead of|the catch|the downside|the cost (?:is|of)|at the cost|costs? us|gives? up|giving up|we lose|I wouldn't|I would not|I'd reject|not worth|versus|vs\.?|which means|in exchange)\b/i

/** An answer that weighs options in this many sentences or more has said what its choices cost. */
const WEIGHED = 2

/**
 * Whether the candidate's sentences already weigh their choices (what they chose not to do and
 * why), so "close with trade-offs" would ask for what they did.
 */
export function weighsOptions(sentences: readonly string[]): boolean {
  return sentences.filter((s) => WEIGHING.test(s)).length >= WEIGHED
}
