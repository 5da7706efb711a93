/**
 * Boosters: words that close off doubt. Hyland's (2005) booster list (its certainty adverbs and
 * adjectives; the verbs of finding out, "show", "find", "establish", "know", are left out because
 * in an engineering answer they name work, not certainty) and the absolutes that claim a thing
 * holds without exception ("guaranteed", "by definition", "impossible"). "Sure" after "make", "be",
 * "not", "pretty" or "fairly" is an instruction or a hedge ("make sure the errors go down", "I'm
 * pretty sure"), not certainty. "Clear", "true", "certain" and "evident" count only where they
 * say a statement is so ("it's clear that", "that's true", "I'm certain"): as a verb or an
 * attributive adjective they name a thing, not how sure the speaker is ("clear all 10 local
 * caches", "a clear interface", "returned true", "certain endpoints"), and a caching answer is
 * full of the verb (offline-8).
 */
const BOOSTER =
  /\b(?:actually|always|(?:it's|it is|that's|that is|this is|is|was|are|i'm|i am|we're|we are)\s+(?:(?:very|quite|absolutely|completely|100%)\s+)?(?:certain|clear|evident|true)|certainly|clearly|conclusively|decidedly|definite|definitely|doubtless|evidently|in fact|incontestabl[ey]|indeed|indisputabl[ey]|never|no doubt|obvious|obviously|of course|(?<!\b(?:make|makes|making|made|be|not|pretty|fairly)\s)sure|surely|truly|undeniabl[ey]|undoubtedly|without (?:a )?doubt|guarantee[sd]?|impossible|by definition|completely|entirely|absolutely|simply|purely|strictly)\b/gi

/**
 * Hedges: words that leave room for being wrong. Hyland's (2005) hedge list (the modals of
 * proposal, "would" and "should", are left out: "I'd add an index" commits as much as "I add
 * one") and the words a diagnosis is reasoned with ("suspect", "hypothesis", "depends",
 * "unless", "whether"), with the hedges of speech from the same list that written answers rarely
 * use and spoken ones are full of ("I think", "I guess", "I'd say", "kind of", "sort of", "not
 * sure", "I don't know"): an interview is spoken, and a candidate who says "I think it's the
 * pool" leaves as much room for doubt as one who writes "it is likely the pool".
 */
const HEDGE =
  /\b(?:about|almost|apparently|appears?|approximately|around|assum\w+|believe|could|doubt|essentially|estimat\w+|frequently|generally|indicat\w+|largely|likely|mainly|may|maybe|might|mostly|often|perhaps|plausibl[ey]|possible|possibly|presumabl[ey]|probabl[ey]|quite|rather|relatively|roughly|seems?|sometimes|somewhat|suggests?|suppose|tends?|typically|uncertain|unclear|unlikely|usually|suspect\w*|hypothes\w+|depends?|unless|whether|i think|i guess|i'd (?:say|guess)|i feel|in my view|kind of|sort of|not sure|pretty sure|(?:i )?don't know)\b/gi

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
 * `claims`: the sentences that touch the question (content-measure.ts `onQuestion`), where
 * boosters are counted; by default all of them. The rate is per sentence of the whole answer.
 */
export function measureCertainty(
  sentences: readonly string[],
  claims: readonly string[] = sentences,
): Certainty {
  // Certainty counts where the answer speaks of the question: "it's always Friday" or "I always
  // liked that joke" in an aside asserts nothing about the advice, while "this is always the fix"
  // does, even when it adds no new point. A hedge counts anywhere.
  let boosters = 0
  let hedges = 0
  for (const s of claims) boosters += plain(s).match(BOOSTER)?.length ?? 0
  for (const s of sentences) hedges += plain(s).match(HEDGE)?.length ?? 0
  const perSentence = sentences.length > 0 ? (boosters - hedges) / sentences.length : 0
  return {
    boosters,
    hedges,
    overconfidence: Math.min(1, Math.max(0, perSentence / FULLY_OVERCONFIDENT)),
  }
}

/** Typographic apostrophes as straight ones, so "don’t know" reads as "don't know". */
function plain(sentence: string): string {
  return sentence.replace(/’/g, "'")
}
