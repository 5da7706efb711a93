import { isNearRepeat } from './question-similarity.js'

/**
 * Keeps a model's follow-up from asking again what the session already asked. A model told the
 * questions it asked ("never ask one again, nor a rewording of it") still reuses its own wording
 * for the next step ("Let me push on X: what would you do there first?" for X, then for Y), and
 * a question cannot be taken back once the candidate has read it. So the filter releases text a
 * sentence at a time: a sentence is sent once it has ended, and a question that is the same as,
 * or a near-paraphrase of, one asked before in the session or earlier in this turn (the offline
 * engine's measure, `isNearRepeat`, step names ignored) is dropped instead. The caller writes a
 * fresh question in its place when the turn is left with none.
 */
export type RepeatFilter = {
  /** Takes the next delta; returns the sentences that ended and may be sent (maybe ''). */
  push(delta: string): string
  /** Ends the text: checks the last, unfinished sentence and returns what may be sent. */
  flush(): string
  /** Questions dropped as repeats, in order. */
  readonly dropped: readonly string[]
  /** Questions sent in this turn, in order. */
  readonly asked: readonly string[]
}

/** A sentence ends at . ! ? … (with closing quotes or brackets) before whitespace, or at a newline. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)|\n/g

/** A sentence that asks something: it ends with a question mark, closing quotes aside. */
export function isQuestion(sentence: string): boolean {
  return /\?["'”’)\]]*$/.test(sentence.trim())
}

export function createRepeatFilter(input: {
  /** Every question asked before in the session (ConversationMemory.questions). */
  asked: readonly string[]
  /** Stems of the question's step and criterion names, ignored when comparing. */
  ignore: ReadonlySet<string>
}): RepeatFilter {
  const before = [...input.asked]
  const asked: string[] = []
  const dropped: string[] = []
  let pending = ''

  /** A whole sentence (with the whitespace before it): itself, or '' when it repeats a question. */
  const check = (sentence: string): string => {
    const text = sentence.trim()
    if (!isQuestion(text)) return sentence
    if (isNearRepeat(text, [...before, ...asked], input.ignore)) {
      dropped.push(text)
      // Its leading whitespace (a paragraph break) stays: the next sentence needs it.
      return /^\s*/.exec(sentence)![0]
    }
    asked.push(text)
    return sentence
  }

  const release = (atEnd: boolean): string => {
    let out = ''
    for (;;) {
      SENTENCE_END.lastIndex = 0
      // Skip leading whitespace: a sentence has words.
      const lead = /^\s*/.exec(pending)![0].length
      SENTENCE_END.lastIndex = lead
      const m = SENTENCE_END.exec(pending)
      if (!m) break
      const end = m.index + m[0].length
      out += check(pending.slice(0, end))
      pending = pending.slice(end)
    }
    if (atEnd) {
      out += /\S/.test(pending) ? check(pending) : pending
      pending = ''
    }
    return out
  }

  return {
    get dropped() {
      return dropped
    },
    get asked() {
      return asked
    },
    push(delta) {
      pending += delta
      return release(false)
    },
    flush: () => release(true),
  }
}
