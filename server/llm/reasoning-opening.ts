/**
 * Whether the start of a reply reads as the model's reasoning rather than as words to the reader.
 *
 * When a server's template opens the reasoning block in the prompt (DeepSeek-R1 distills, Qwen3
 * without a reasoning parser), `content` begins inside the reasoning and only its closing tag
 * shows that it was. Reasoning opens in a few recognisable ways ("Okay, so the user wants…",
 * "Alright, let me think", "We need to respond…", "The candidate proposed…"), an interviewer's
 * reply addresses the candidate ("you", a question). The markup filter holds a reply's start
 * while this says 'hold' or 'reasoning', so the candidate need not see reasoning that a closing
 * tag later takes back; it never holds a reply whose first word opens no reasoning (most
 * replies: "Fair.", "Thanks.", "How…"), so those cost nothing.
 */

export type OpeningVerdict = 'hold' | 'reasoning' | 'ordinary'

/** First words that open reasoning; any other first word makes the reply ordinary at once. */
const OPENERS = new Set(
  (
    "okay ok alright all hmm hm well so right now first wait let let's i i'm i'll we the this " +
    'user candidate my got to since given looking based'
  ).split(' '),
)
/** A first word still being typed is held while it may become one of these. */
const OPENER_LIST = [...OPENERS, 'analysis']

/** Said about the reader, or to oneself: reasoning, whatever follows. */
const REASONING_CUE = new RegExp(
  [
    String.raw`\b(?:the|this) (?:user|candidate|interviewee|human)\b`,
    String.raw`\b(?:user|candidate)(?:'s|’s)`,
    String.raw`\bI(?: need| have| should| must|'m supposed| am supposed|'m trying| am trying|'ll need| will need) to\b`,
    String.raw`\bI should\b`,
    String.raw`\blet me (?:think|see|recall|figure|consider|analy[sz]e|break|review|process|parse|craft|formulate|draft|unpack|tackle|understand|go through)\b`,
    String.raw`\blet's (?:think|see|analy[sz]e|break|figure|consider|recall|craft|unpack|tackle)\b`,
    String.raw`\bwe (?:need|have|must|should) to\b`,
    String.raw`\b(?:my|our) (?:task|role|job|goal)\b`,
    String.raw`\bas (?:an|the) interviewer\b`,
    String.raw`\bthe (?:model answer|rubric|system prompt|instructions)\b`,
    String.raw`\bfollow-up question\b`,
  ].join('|'),
  'i',
)

/** Words to the reader ("you", "walk me through", a question): ordinary if before any cue. */
const ORDINARY_SIGNAL =
  /\byou(?:r|rs|'re|'ve|'d|'ll|’re|’ve|’d|’ll)?\b|\b(?:walk|tell|talk|give|show|take) me\b|\?/i

/** "Let's" or "let me" with the verb after it whole. */
const LET_VERB = /^let(?:'s|’s| us| me) [a-z]+(?=[^a-z])/i

/** Past this many words without a cue or a signal, the reply is taken as ordinary. */
export const OPENING_WINDOW_WORDS = 16

/** gpt-oss with its special tokens skipped: `analysisThe user…assistantfinalAnswer`. */
const BARE_HARMONY = /^analysis(?=[A-Z])/

export function readOpening(text: string): OpeningVerdict {
  const start = text.trimStart()
  if (start === '') return 'hold'
  if (BARE_HARMONY.test(start)) return 'reasoning'
  const first = /^[A-Za-z'’]+/.exec(start)?.[0].toLowerCase().replace('’', "'")
  if (!first) return 'ordinary'
  if (first.length === start.length) {
    // The first word may not be whole yet: hold while it could still become an opener.
    return OPENER_LIST.some((o) => o.startsWith(first)) ? 'hold' : 'ordinary'
  }
  if (!OPENERS.has(first)) return 'ordinary'
  // "Let's talk about…", "Let me push on…": said to the reader, unless the verb is a cue's.
  const let_ = LET_VERB.exec(start)
  if (let_ && !REASONING_CUE.test(let_[0])) return 'ordinary'
  const window = start
    .split(/\s+/)
    .slice(0, OPENING_WINDOW_WORDS + 1)
    .join(' ')
  const cue = REASONING_CUE.exec(window)
  const signal = ORDINARY_SIGNAL.exec(window)
  if (cue && (!signal || cue.index <= signal.index)) return 'reasoning'
  if (signal) return 'ordinary'
  return window.split(' ').length > OPENING_WINDOW_WORDS ? 'ordinary' : 'hold'
}

/** Text held as reasoning in bare harmony: the final message begins after this marker. */
export function bareHarmonyFinal(text: string): number {
  if (!BARE_HARMONY.test(text.trimStart())) return -1
  const at = text.indexOf('assistantfinal')
  return at < 0 ? -1 : at + 'assistantfinal'.length
}
