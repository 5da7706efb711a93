import { isNearRepeat } from './question-similarity.js'

/**
 * Keeps a model's follow-up from asking again what the session already asked. A model told the
 * questions it asked ("never ask one again, nor a rewording of it") still reuses its own wording
 * for the next step ("Let me push on X: what would you do there first?" for X, then for Y). The
 * filter checks text a sentence at a time: a sentence is released once it has ended, and a
 * question that is the same as, or a near-paraphrase of, one asked before in the session or
 * earlier in this turn (the offline engine's measure, `isNearRepeat`, step names ignored) is
 * dropped instead. The caller writes a fresh question in its place when the turn is left with
 * none.
 *
 * What it releases is the turn's authoritative text (stored, and the `turn-end` text). The
 * candidate does not wait for it: `createStreamedRepeatFilter` shows the unchecked sentence as it
 * is written and takes it back (a `turn-revise`) in the rare case this filter drops or replaces
 * it, since a statement cannot be told from a question before its end and holding every
 * sentence cost a whole sentence of latency.
 *
 * In a drill the reply has labelled lines (`Verdict:`, `Hint:`, then the question), and the hint
 * must ask nothing and agree with the verdict: a question on a `Hint:` or `Verdict:` line is
 * dropped (the turn's one question comes after them), and a hint that says the answer fell short
 * after a verdict of solid or strong is replaced by `agreeingHint()`.
 */
export type RepeatFilter = {
  /** Takes the next delta; returns the sentences that ended and may be sent (maybe ''). */
  push(delta: string): string
  /** Ends the text: checks the last, unfinished sentence and returns what may be sent. */
  flush(): string
  /** Text received and not checked yet: the sentence being written (and, briefly, its lead). */
  readonly pending: string
  /** Questions dropped as repeats, in order. */
  readonly dropped: readonly string[]
  /** Questions sent in this turn, in order. */
  readonly asked: readonly string[]
  /** Drill hints dropped or replaced, in order. */
  readonly hintsFixed: readonly string[]
}

/** A hint saying the answer fell short ("your answer did not get to ..."), not the plan's subject. */
const SHORTFALL =
  /\b(you|your answer|the answer|it)\s+(did not|didn'?t|does not|doesn'?t|never|missed|skipped|lacks?|fell short)\b|\b(missing|not yet)\b/i
/** The label of a drill line, from its first words. */
const LABEL = /^\s*\**\s*(verdict|hint)\s*\**\s*:/i
/** The verdict's own word. */
const VERDICT_WORD = /^\s*\**\s*verdict\s*\**\s*:\s*\**\s*(\w+)/i

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
  /** In a drill: a hint that agrees with a solid verdict (how to push further). */
  drill?: { agreeingHint: () => string }
}): RepeatFilter {
  const before = [...input.asked]
  const asked: string[] = []
  const dropped: string[] = []
  const hintsFixed: string[] = []
  let pending = ''
  /** The label of the line being released ('' for none), and whether a line just began. */
  let label = ''
  let atLineStart = true
  let verdict = ''

  /** A drill line's sentence: itself, '' (dropped) or a replacement; null when not a drill line. */
  const checkDrillLine = (sentence: string, lead: string, text: string): string | null => {
    if (!input.drill || (label !== 'hint' && label !== 'verdict')) return null
    if (label === 'verdict' && atLineStart)
      verdict = VERDICT_WORD.exec(text)?.[1]?.toLowerCase() ?? ''
    if (isQuestion(text)) {
      hintsFixed.push(text)
      // A labelled line that only asked: its label goes with it.
      return atLineStart ? lead : lead.replace(/\n/g, '')
    }
    if (label === 'hint' && (verdict === 'solid' || verdict === 'strong') && SHORTFALL.test(text)) {
      hintsFixed.push(text)
      return atLineStart ? `${lead}${input.drill.agreeingHint()}` : ''
    }
    return sentence
  }
  /** A whole sentence (with the whitespace before it): itself, or '' when it repeats a question. */
  const check = (sentence: string): string => {
    const text = sentence.trim()
    const lead = /^\s*/.exec(sentence)![0]
    if (lead.includes('\n')) atLineStart = true
    if (atLineStart) label = LABEL.exec(text)?.[1]?.toLowerCase() ?? ''
    const out = checkDrillLine(sentence, lead, text) ?? checkQuestion(sentence, text)
    atLineStart = /\n\s*$/.test(sentence)
    return out
  }

  const checkQuestion = (sentence: string, text: string): string => {
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
    get hintsFixed() {
      return hintsFixed
    },
    get pending() {
      return pending
    },
    push(delta) {
      pending += delta
      return release(false)
    },
    flush: () => release(true),
  }
}
