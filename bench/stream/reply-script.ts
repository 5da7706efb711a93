/**
 * The fake model's reply: plain interviewer-like sentences, one word a token, OpenAI style (a
 * leading space on every token but the first). No word starts with a capital N, so the
 * interviewer's `NOTES:` detector never holds a token back, and the words come from no model
 * answer, so the leak guard never rewrites a sentence.
 */
const WORDS = (
  'how would you handle the case where traffic doubles overnight and which part of your design ' +
  'breaks first when a dependency slows down what would you measure before changing anything ' +
  'tell me about the trade off between consistency and latency here walk me through the ' +
  'failure path step by step if the cache is cold who pages whom and what do they look at first'
).split(' ')

/** Sentence lengths in words, cycled: sentences end with '.' or '?' like a real follow-up. */
const SENTENCE_LENGTHS = [14, 11, 17, 9, 15, 12, 16, 10]

/** The tokens of one reply of `count` words, as sent in `delta.content`. */
export function buildReplyTokens(count: number): string[] {
  const tokens: string[] = []
  let sentence = 0
  let inSentence = 0
  for (let i = 0; i < count; i++) {
    const length = SENTENCE_LENGTHS[sentence % SENTENCE_LENGTHS.length]!
    let word = WORDS[(i * 7) % WORDS.length]!
    if (inSentence === 0) word = word[0]!.toUpperCase() + word.slice(1)
    inSentence++
    const last = inSentence === length || i === count - 1
    if (last) {
      word += sentence % 3 === 2 ? '?' : '.'
      sentence++
      inSentence = 0
    }
    tokens.push(i === 0 ? word : ` ${word}`)
  }
  return tokens
}

/** Words up to and including the first full stop or question mark. */
export function countFirstSentenceWords(tokens: readonly string[]): number {
  const end = tokens.findIndex((t) => /[.?]$/.test(t))
  return end === -1 ? tokens.length : end + 1
}
