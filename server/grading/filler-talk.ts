/**
 * Conversational filler: intensifiers, discourse markers and stock phrases that stretch an answer
 * without adding to it ("really", "honestly", "at the end of the day", "great question", "in
 * other words"). Real answers use them now and then; padding is made of them (on the
 * graded transcripts, padded answers carry 3-7 per 100 words, every other level under 2).
 * "Just" is not among them (offline-9): in an engineering answer it mostly means "only" and
 * narrows the point it sits in ("just the three writes inside the transaction", "just add the
 * index"), so it marked content sentences as filler. Nor are "I think", "kind of" and "sort of"
 * (offline-10): they are hedges of speech, as certainty.ts reads them, and "I think it's the pool"
 * makes its point as much as "it is likely the pool" does; a hedge is not filler. (The rates
 * above were counted with all four.)
 */
const FILLER_TALK =
  /\b(?:really|very|honestly|basically|actually|literally|definitely|truly|extremely|incredibly|super|totally|you know|i mean|at the end of the day|to be honest|great question|good question|of course|obviously|in my experience|as i said|like i said|to be fair|to put it simply|in other words|overall|all in all)\b/i

/** True when a sentence carries conversational filler (see FILLER_TALK). */
export function hasFillerTalk(sentence: string): boolean {
  return FILLER_TALK.test(sentence.replace(/’/g, "'"))
}
