/**
 * The leak guard: before a sentence of an interviewer turn is sent, it is checked for a span of
 * LEAK_SPAN_WORDS or more consecutive words copied from the model answer (after normalising
 * case, punctuation, whitespace and curly quotes). A leaking sentence is replaced by one neutral
 * probe (the first time in a turn) or dropped, and counted.
 *
 * Cost is O(length): the model answer's word 12-grams go into a hash set once; each sentence
 * looks up each of its 12-grams once. The last 11 words already sent are carried over, so a copy
 * split across sentences or stream deltas is still caught.
 */
export const LEAK_SPAN_WORDS = 12

export const NEUTRAL_PROBE = 'Walk me through how you would approach that part.'

export type LeakGuardOptions = {
  /** Consecutive copied words that make a leak; 12 by default. */
  spanWords?: number
  /** What replaces the first leaking sentence of a turn. */
  probe?: string
}

export type SentenceCheck = { text: string | null; leaked: boolean }

export type LeakGuard = {
  /** Checks one sentence (with its trailing whitespace); returns what may be sent. */
  checkSentence(sentence: string): SentenceCheck
  /** Sentences rewritten or dropped so far. */
  readonly leaks: number
}

/** Lowercase words with curly quotes straightened and apostrophes and punctuation removed. */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032`\u00B4']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

export function createLeakGuard(modelAnswer: string, options: LeakGuardOptions = {}): LeakGuard {
  const span = options.spanWords ?? LEAK_SPAN_WORDS
  const probe = options.probe ?? NEUTRAL_PROBE
  const grams = collectGrams(normaliseWords(modelAnswer), span)
  let tail: string[] = []
  let leaks = 0
  let probed = false

  return {
    get leaks() {
      return leaks
    },
    checkSentence(sentence) {
      const words = normaliseWords(sentence)
      const window = tail.concat(words)
      // Only spans that end inside this sentence are new: earlier ones were checked already.
      const first = Math.max(0, tail.length - span + 1)
      let leaked = false
      for (let i = first; i + span <= window.length; i++) {
        if (grams.has(window.slice(i, i + span).join(' '))) {
          leaked = true
          break
        }
      }
      if (!leaked) {
        tail = window.slice(-(span - 1))
        return { text: sentence, leaked: false }
      }
      leaks++
      tail = []
      if (probed) return { text: null, leaked: true }
      probed = true
      return { text: probe + (/\s*$/.exec(sentence)?.[0] ?? ''), leaked: true }
    },
  }
}

function collectGrams(words: string[], span: number): Set<string> {
  const grams = new Set<string>()
  for (let i = 0; i + span <= words.length; i++) grams.add(words.slice(i, i + span).join(' '))
  return grams
}

/** Past this many buffered characters without a sentence end, text is checked at a word break. */
const MAX_BUFFER_CHARS = 400
/** A sentence ends at . ! ? (with closing quotes or brackets) before whitespace, or at a newline. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*\s+|\n+/g

/**
 * Buffers streamed deltas to sentence boundaries and yields only what the guard lets through.
 * Returns the number of leaks caught in this stream when it ends.
 */
export async function* guardStream(
  deltas: AsyncIterable<string>,
  guard: LeakGuard,
): AsyncGenerator<string, { leaks: number }> {
  const before = guard.leaks
  let buffer = ''
  for await (const delta of deltas) {
    buffer += delta
    let cut = lastSentenceEnd(buffer)
    if (cut === 0 && buffer.length > MAX_BUFFER_CHARS) cut = buffer.lastIndexOf(' ') + 1
    if (cut <= 0) continue
    const ready = buffer.slice(0, cut)
    buffer = buffer.slice(cut)
    for (const sentence of splitSentencesKeepingSpace(ready)) {
      const checked = guard.checkSentence(sentence).text
      if (checked) yield checked
    }
  }
  if (buffer.length > 0) {
    const checked = guard.checkSentence(buffer).text
    if (checked) yield checked
  }
  return { leaks: guard.leaks - before }
}

function lastSentenceEnd(text: string): number {
  let end = 0
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) end = m.index + m[0].length
  return end
}

function splitSentencesKeepingSpace(text: string): string[] {
  const sentences: string[] = []
  let start = 0
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    sentences.push(text.slice(start, m.index + m[0].length))
    start = m.index + m[0].length
  }
  if (start < text.length) sentences.push(text.slice(start))
  return sentences
}
