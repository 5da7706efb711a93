/**
 * Boosters: words that close off doubt. Hyland's (2005) booster list (its certainty adverbs and
 * adjectives; the verbs of finding out, "show", "find", "establish", "know", are left out because
 * in an engineering answer they name work, not certainty) and the absolutes that claim a thing
 * holds without exception ("guaranteed", "by definition", "impossible").
 */
const BOOSTER =
  /\b(?:actually|always|certain|certainly|clear|clearly|conclusively|decidedly|definite|definitely|doubtless|evident|evidently|in fact|incontestabl[ey]|indeed|indisputabl[ey]|never|no doubt|obvious|obviously|of course|sure|surely|true|truly|undeniabl[ey]|undoubtedly|without (?:a )?doubt|guarantee[sd]?|impossible|by definition|completely|entirely|absolutely|simply|purely|strictly)\b/gi

/**
 * Hedges: words that leave room for being wrong. Hyland's (2005) hedge list (the modals of
 * proposal, "would" and "should", are left out: "I'd add an index" commits as much as "I add
 * one") and the words a diagnosis is reasoned with ("suspect", "hypothesis", "depends",
 * "unless", "whether").
 */
const HEDGE =
  /\b(?:about|almost|apparently|appears?|approximately|around|assum\w+|believe|could|doubt|essentially|estimat\w+|frequently|generally|indicat\w+|largely|likely|mainly|may|maybe|might|mostly|often|perhaps|plausibl[ey]|possible|possibly|presumabl[ey]|probabl[ey]|quite|rather|relatively|roughly|seems?|sometimes|somewhat|suggests?|suppose|tends?|typically|uncertain|unclear|unlikely|usually|suspect\w*|hypothes\w+|depends?|unless|whether)\b/gi

/** Boosters beyond hedges per sentence at which an answer counts as fully overconfident. */
const FULLY_OVERCONFIDENT = 0.5

export type Certainty = {
  boosters: number
  hedges: number
  /**
   * In [0, 1]: 0 while the answer hedges at least as often as it asserts certainty; 1 when it
   * states one more certainty than it hedges in every other sentence.
   */
  overconfidence: number
}

/**
 * How much more an answer asserts certainty than it leaves room for doubt. Strong senior answers
 * reason under uncertainty (the likely cause, what would confirm it, what it depends on); answers
 * that recommend the wrong fix with conviction ("always", "guaranteed", "no need to profile")
 * hedge almost never. A lexical grader cannot tell a right answer from a wrong one, but it can
 * hear this: on the graded transcripts, confident-but-wrong answers have a median of one booster
 * beyond their hedges every five sentences, the other levels fewer boosters than hedges.
 */
export function measureCertainty(sentences: readonly string[]): Certainty {
  let boosters = 0
  let hedges = 0
  for (const s of sentences) {
    boosters += s.match(BOOSTER)?.length ?? 0
    hedges += s.match(HEDGE)?.length ?? 0
  }
  const perSentence = sentences.length > 0 ? (boosters - hedges) / sentences.length : 0
  return {
    boosters,
    hedges,
    overconfidence: Math.min(1, Math.max(0, perSentence / FULLY_OVERCONFIDENT)),
  }
}
