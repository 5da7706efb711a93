/**
 * Phrases by which an answer weighs one option against another or says what a choice costs:
 * "rather than", "instead of", "the catch is", "trade-off", "I wouldn't", "we give up". English
 * only, like the rest of the discourse measures.
 */
const WEIGHING =
  /\b(?:trade-?offs?|rather than|instead of|the catch|the downside|the cost (?:is|of)|at the cost|costs? us|gives? up|giving up|we lose|I wouldn't|I would not|I'd reject|not worth|versus|vs\.?|which means|in exchange)\b/i
/**
 * More of them, which the phrases above missed on answers that weigh every option (read on the
 * tuning questions 1-7 and the examples, bench:feedback): a choice made over another ("I
 * chose X over Y", "I'd lean towards (a)"), what a choice costs said otherwise ("it costs almost
 * nothing now", "hidden costs", "the opportunity cost", "only buys us one more instance size"),
 * an option set against another ("a second option", "the alternative", "cheaper than", "looks
 * fast on paper", "argues for option (c)"), and a choice told from what it is not ("That isn't
 * paying down debt, it's taking out a bigger loan"; "a formal reconsideration, not an automatic
 * rewrite").
 */
const WEIGHING_MORE =
  /\b(?:(?:chose|choose|choosing|pick|picked|prefer|preferred|favou?r)\b[^.;]{1,40}\bover|lean(?:ing)? towards?|argues? (?:for|against)|(?:second|third|other|another) (?:option|approach)|alternatives?|downsides?|drawbacks?|at the expense of|pros and cons|opportunity cost|hidden costs?|costs? (?:almost |next to )?nothing|it costs|buys? us|(?:cheaper|simpler|safer|riskier|costlier) than|compared (?:to|with)|on paper)\b|\b(?:isn't|is not)\b[^.]*, it's\b|, not (?:a|an|the)\b/i

/** An answer that weighs options in this many sentences or more has said what its choices cost. */
const WEIGHED = 2

/** Whether one sentence weighs a choice: what it costs, or what it was chosen over. */
export function weighsChoice(sentence: string): boolean {
  return WEIGHING.test(sentence) || WEIGHING_MORE.test(sentence)
}

/**
 * Whether the candidate's sentences already weigh their choices (what they chose not to do and
 * why), so "close with trade-offs" would ask for what they did.
 */
export function weighsOptions(sentences: readonly string[]): boolean {
  return sentences.filter(weighsChoice).length >= WEIGHED
}
