/**
 * Whether the interviewer's text asks the candidate something: a question ("?"), or an
 * instruction or a question written without one ("Walk me through the rollback.", "tell me what
 * you'd measure first", "so what would you check first"). The leak guard reads it to keep the
 * interviewer's own ask after a dropped copy and to show its neutral probe only in a turn that
 * asks nothing else (one ask a turn).
 *
 * Words that only finish a sentence ("and so on", "roughly", "which shows up as timeouts", "when
 * the heap is large") ask nothing: an instruction starts with a verb telling the candidate what
 * to do, and a question without "?" starts with a question word, a verb and "you" ("what would
 * you ..."), unlike a relative clause ("which causes ...") or a statement ("what you said ...").
 */

/** Words that link an ask to what came before ("so", "and then", "okay,"), read past. */
const LINK =
  /^(?:(?:so|and|then|now|but|ok|okay|right|also|next|first|finally|instead|well|alright|good|great|fine|sure)\b[\s,;:—–-]*)+/
/** An instruction's first words: a phrase that tells the candidate what to do. */
const INSTRUCTION_PHRASE = new RegExp(
  '^(?:' +
    [
      '(?:walk|talk|take|run|step) (?:me|us) through',
      'go (?:through|over|ahead)',
      '(?:tell|show|give) (?:me|us)',
      'help (?:me|us) (?:see|understand)',
      'think (?:about|through)',
      '(?:lay|spell|map|write) out',
      'break down',
      'make the case',
      "i(?:'d| would) (?:like|love|want) (?:to|you)",
      'i want (?:to hear|to know|you to)',
      'let me hear',
    ].join('|') +
    ')\\b',
)
/**
 * An instruction's first words: a verb with what it acts on ("name the assumption", "list what
 * you'd check"), which a noun beginning a statement lacks ("Name resolution is slow.").
 */
const INSTRUCTION_VERB =
  /^(?:describe|explain|sketch|outline|list|name|pick|choose|estimate|compare|justify|define|rank|propose|suggest|summari[sz]e|prioriti[sz]e|quantify|identify|argue|walk through|work out|figure out)\s+(?:me|us|the|your|what|how|which|why|where|when|who|whether|a|an|one|two|three|four|five|each|every|some|all|them|it|this|that|these|those|any|both|its|their|our|my)\b/
/**
 * A question written without "?": a question word then, within three words, a verb and "you"
 * ("what would you check first", "which of these would you rule out"), or a verb and "you"
 * first ("would you roll it back"). Not "what you described is fine", a statement.
 */
const QUESTION_OPENING =
  /^(?:(?:what|how|why|which|where|when|who)\b(?:\s+\S+){0,3}?\s+)?(?:would|could|can|do|does|did|will|should|might|are|were|have|is)\s+(?:you|your)\b/

/** A question: it ends with "?", closing quotes or brackets aside. */
const QUESTION_MARK = /\?["'”’)\]]*$/

/** `text` lowercased from its first letter, straight apostrophes, linking words read past. */
function opening(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/^[^\p{L}]+/u, '')
    .replace(LINK, '')
}

/** Whether `text` opens as an ask: an instruction, or a question asking the candidate. */
function opensAsk(text: string): boolean {
  const words = opening(text)
  return (
    INSTRUCTION_PHRASE.test(words) || INSTRUCTION_VERB.test(words) || QUESTION_OPENING.test(words)
  )
}

/** Whether one sentence asks the candidate something (see the top of this file). */
export function asksCandidate(sentence: string): boolean {
  const text = sentence.trim()
  if (!/\p{L}/u.test(text)) return false
  return QUESTION_MARK.test(text) || opensAsk(text)
}

/** A clause of the ask's own that leads up to it ("if the cache is cold, what would you ..."). */
const SUBORDINATE =
  /^(?:if|when|whenever|given|assuming|suppose|once|after|before|while|since|because|unless|in case)\b/

/**
 * Where the ask in `text` starts, `text` being words a model ran on after a copied line with no
 * sentence end before them (one sentence, maybe with words finishing the copied line before the
 * ask: "and so on — so how would you roll it out", "roughly, tell me what you'd measure first"):
 * at the first word from which it opens as an ask in `minWords` words or more; at 0 for a
 * question ("?") with nothing in it that opens as one, or one led by a clause of its own ("if the
 * cache is cold, what would you check first?"); -1 when it asks nothing (a tail, "and so on.").
 */
export function askStart(text: string, minWords: number): number {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)]
  if (words.length < minWords) return -1
  const question = QUESTION_MARK.test(text.trim())
  let first = -1
  for (let k = 0; k + minWords <= words.length && first < 0; k++) {
    if (opensAsk(text.slice(words[k]!.index))) first = words[k]!.index
  }
  if (first < 0 && !question) return -1
  return SUBORDINATE.test(opening(text)) ? 0 : Math.max(0, first)
}

/** A sentence ends at . ! ? … (with closing quotes or brackets) before whitespace, or a line does. */
const SENTENCES = /[^\n]*?(?:[.!?…]+["'”’)\]]*(?=\s|$)|\n|$)/g

/**
 * Whether any sentence of `text` asks the candidate something, from its start or after words
 * that lead up to it ("and so on — walk me through the first hour").
 */
export function textAsks(text: string): boolean {
  for (const m of text.matchAll(SENTENCES)) {
    if (asksCandidate(m[0]) || askStart(m[0], 3) >= 0) return true
  }
  return false
}
