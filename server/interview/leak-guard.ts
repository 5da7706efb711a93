import { askStart, textAsks } from './asks-candidate.js'
import { copyEndIn, type CopyEnd } from './copy-end.js'
import {
  closingFenceBeforeProse,
  createFenceReader,
  fenceKind,
  isMarkupLine,
  keptBeforeDrop,
} from './markup-debris.js'
import { buildSpanAutomaton, type SpanAutomaton } from './span-automaton.js'

/**
 * The leak guard: no span of LEAK_SPAN_WORDS or more consecutive words copied from the model
 * answer (after normalising case, punctuation, whitespace and curly quotes) ever reaches the
 * candidate, however the text is split into stream deltas.
 *
 * It holds back only what could still become a copy: the longest run of the latest words that is
 * the beginning of some span of the model answer (an automaton over the model answer's spans,
 * built once per model answer), plus a word still being typed when it could begin one. Anything
 * before that run is released at once. When the held run completes a span, it is dropped with the
 * rest of its sentence; each is counted. A turn that asks nothing else once its copies are
 * dropped ends with one neutral probe, so the candidate has something to answer, and a turn whose
 * own question survives gets none (one ask a turn). The early guard (early-leak-guard.ts) shows the held text too while its run is shorter
 * than LEAK_HOLD_RUN_WORDS (`preview`), so ordinary text flows at the model's speed, and takes
 * back the start of a copy it showed.
 *
 * A copy rarely stops at a sentence end: a model that copies a lead-in ("Cause 4: ...:") goes on
 * with the list under it, and one that copies the end of the model answer goes on with the prompt
 * around it (a closing tag, the next heading). So after a sentence is dropped, the next sentence
 * is dropped too while it carries on the copy: while its first word extends the copied run to a
 * span of the model answer, or of the text the model answer was given in (`context`, the system
 * prompt). A short list item after a dropped lead-in is thus never shown on its own.
 *
 * Nor is the markup that framed a copy (markup-debris.ts): after the dropped sentences, lines
 * with no word (closing braces, empty bullets) go too, and so does a fence that closes the code
 * block the copy was in; before the drop, what the guard released that was only its frame (an
 * open code block, markup lines, a lead-in ending with ":", the beginning of the sentence the copy
 * cut) is named in `cuts` for the caller to take back (early-leak-guard.ts revises the shown
 * text), and the guard reads on as if it had not been released.
 */
export const LEAK_SPAN_WORDS = 12

/**
 * A run of this many words that could begin a copy is held from this word on; the words of a
 * shorter run are shown at once by the early guard (early-leak-guard.ts) and taken back if the run
 * becomes a copy. Interviewer text shares a few words with the secret text all the time ("what
 * would you", "of the"), and a copy shares twelve. `npx tsx bench/stream/hold-share.ts` replays
 * the interviewer's own texts (the offline templates and lines, the scripted model's questions,
 * the stream benchmark's reply: 237,000 words) against every question's secret prompt text: runs
 * of 1+ words touch 74% of their words (what holding every run held), 3+ words 1.5%, 5+ words
 * 0.5% (2.6% of texts, "what would make you change"), and none reaches 8. Five keeps ordinary text
 * flowing while a copy is held from its fifth word and shows at most its first four.
 */
export const LEAK_HOLD_RUN_WORDS = 5

/**
 * After a dropped sentence, the next one goes with it when it carries the copy on to its end or
 * for this many words. Its first word alone says little: the model's own question often begins
 * with a word that goes on from the copied text ("What", "The"); a real continuation goes on.
 */
const CARRY_ON_WORDS = 4

export const NEUTRAL_PROBE = 'Walk me through how you would approach that part.'

export type LeakGuardOptions = {
  /** Consecutive copied words that make a leak; 12 by default. */
  spanWords?: number
  /** The length of run from which `preview` stops showing its words; LEAK_HOLD_RUN_WORDS by default. */
  holdRunWords?: number
  /** What ends a turn with a dropped copy that asks nothing else (NEUTRAL_PROBE by default). */
  probe?: string
  /**
   * The text the model answer was given in (the system prompt that holds it). Only read after a
   * leak: a sentence that carries on copying it is dropped with the copy. Never a leak by itself,
   * since the prompt also holds text the candidate sees.
   */
  context?: string
}

export type LeakGuard = {
  /** Takes the next delta of the stream; returns the text that may be sent now (maybe ''). */
  push(delta: string): string
  /**
   * Ends the text: checks what is held as if nothing followed and returns what may be sent. Call
   * it when the stream ends, and also when it fails, so held text that is not a copy is kept.
   * Text pushed after a flush starts afresh but still cannot complete a copy with text before it.
   */
  flush(): string
  /** Text received and not yet released (for tests and diagnostics). */
  readonly held: string
  /**
   * The beginning of `held` that may be shown ahead of its release (see early-leak-guard.ts):
   * all of it while the run of words that could begin a copy is shorter than `holdRunWords`,
   * else the text before the run's `holdRunWords`-th word. Empty while a copy is being dropped.
   */
  readonly preview: string
  /** Copies rewritten or dropped so far. */
  readonly leaks: number
  /**
   * Released text the guard judged, at a later drop, to be the copy's frame (markup debris), to
   * be taken back by whoever shows the text: each `[from, to)` is a range of everything push and
   * flush returned, with the earlier cuts taken out, so they are applied in order.
   */
  readonly cuts: ReadonlyArray<readonly [number, number]>
}

const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032`\u00B4']/g

/**
 * Lowercase words with curly quotes straightened and apostrophes and punctuation removed. Final
 * sigma is folded into sigma, so a word normalises the same whatever follows it.
 */
export function normaliseWords(text: string): string[] {
  return asciiWords(text) ?? normaliseAnyWords(text)
}

/**
 * normaliseWords for text that is all ASCII (nearly every token a model streams), in one pass
 * without a regex or a lowercased copy: the guard reads every token's words two or three times
 * (bench/stream/token-path-cpu.ts). Null when `text` has a character beyond ASCII.
 */
function asciiWords(text: string): string[] | null {
  const words: string[] = []
  /** Where the word being read starts, or -1; whether it needs lowercasing or its ' removed. */
  let start = -1
  let plain = true
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 127) return null
    const lower = c | 32
    const letter = lower >= 97 && lower <= 122
    if (letter || (c >= 48 && c <= 57) || c === 39 || c === 96) {
      if (start < 0) {
        start = i
        plain = true
      }
      if (c === 39 || c === 96 || (letter && c !== lower)) plain = false
    } else if (start >= 0) {
      pushWord(words, text, start, i, plain)
      start = -1
    }
  }
  if (start >= 0) pushWord(words, text, start, text.length, plain)
  return words
}

function pushWord(words: string[], text: string, start: number, end: number, plain: boolean) {
  const word = plain
    ? text.slice(start, end)
    : text.slice(start, end).toLowerCase().replace(/['`]/g, '')
  if (word.length > 0) words.push(word)
}

function normaliseAnyWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(APOSTROPHES, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

/** Built once per model answer: questions are few and their model answers do not change. */
const automata = new Map<string, SpanAutomaton>()
const MAX_CACHED_AUTOMATA = 500

function automatonFor(modelAnswer: string, span: number): SpanAutomaton {
  const key = `${span}\u0000${modelAnswer}`
  let automaton = automata.get(key)
  if (!automaton) {
    if (automata.size >= MAX_CACHED_AUTOMATA) automata.clear()
    automaton = buildSpanAutomaton(normaliseWords(modelAnswer), span)
    automata.set(key, automaton)
  }
  return automaton
}

/** A token ending a sentence: . ! ? (with closing quotes or brackets); a newline ends one too. */
const SENTENCE_ENDS = /[.!?…]+["'”’)\]]*$/
/** The fewest words of an ask the model ran on in lower case after a copy ("so why?" is 2). */
const OWN_QUESTION_WORDS = 3
/**
 * A word that may begin a sentence: capitalised after any opening quote, bracket or emphasis,
 * and not an acronym ("What", "I", "A"; not "TCP").
 */
const STARTS_SENTENCE = /^[\p{Ps}\p{Pi}"'*_]*\p{Lu}(?!\p{Lu})/u
/** A raw token whose last character may continue its last word in the next delta. */
const OPEN_WORD_END = /[\p{L}\p{N}\u2018\u2019\u201A\u201B\u2032`\u00B4']$/u

export function createLeakGuard(modelAnswer: string, options: LeakGuardOptions = {}): LeakGuard {
  const span = options.spanWords ?? LEAK_SPAN_WORDS
  const probe = options.probe ?? NEUTRAL_PROBE
  const automaton = automatonFor(modelAnswer, span)
  /**
   * What a dropped copy may carry on: the model answer, and its context when there is one. Built
   * at the first leak, the only time it is read: the context is the whole system prompt, whose
   * automaton cost 15-30 ms on the relay thread at each question's first turn (and about half the
   * guard's memory), and hashing it to find the cached one cost every turn.
   */
  let sourcesBuilt: SpanAutomaton[] | null = null
  const sources = (): SpanAutomaton[] =>
    (sourcesBuilt ??= options.context
      ? [automaton, automatonFor(options.context, span)]
      : [automaton])
  const probeWords = normaliseWords(probe)
  // Below the span, so a run shown in full is always shorter than a copy.
  const holdRun = Math.min(span - 1, Math.max(1, options.holdRunWords ?? LEAK_HOLD_RUN_WORDS))

  /** Received, not yet released; starts right after the released text. */
  let pending = ''
  /** Where the next whitespace-delimited token of `pending` starts (the ones before are read). */
  let scanned = 0
  /** The released beginning of the token `pending` starts inside of (a word being typed). */
  let carry = ''
  /** Words of `carry` already read (its last word is not, while it may continue). */
  let carryRead = 0
  let state = automaton.root
  /** For each word read, where its token starts in `pending` (-1 once released). */
  let starts: number[] = []
  /** The latest released words, to restart the automaton after a leak. */
  let releasedTail: string[] = []
  let readWords: string[] = []
  /** After a leak: dropping text up to the end of its sentence. */
  let dropping = false
  /** While dropping: the state of each of `sources` over the copied run, to see if it goes on. */
  let copyStates: number[] = []
  /** While dropping: a sentence end was reached; waiting for the next word to see if the copy goes on. */
  let atBoundary = false
  /** While dropping: every word since the leak has carried the copy on. */
  let matching = false
  /** The dropped sentence is one judged to carry the copy on: its first token is not re-judged. */
  let resumed = false
  /** While dropping a sentence: where its unread text starts in `pending`. */
  let dropAt = 0
  /**
   * Where the model's own words after a copy that stopped at the end of a line of the model
   * answer start in `pending` ("..., so what would you check first?"), held until the sentence's
   * end says whether they ask the question; -1 when there are none.
   */
  let ownFrom = -1
  /** The whitespace before them. */
  let ownSpace = ''
  /** The latest words read along the copy (up to `span`), to find where it stopped in its source. */
  let copyWindow: string[] = []
  /** Where the copy stopped in its source: found once it stops (copy-end.ts). */
  let stop: CopyEnd | null | undefined
  /** The copy's text the candidate does not see (its cut frame, held and dropped text), for fences. */
  let copyFences = createFenceReader()
  /** While trimming: the block the copy was in is open, so a bare fence closes it (startTrim). */
  let copyOpen = false
  /** The whitespace after the dropped text: a line break in it is kept. */
  let boundarySpace = ''
  let leaks = 0
  /** The probe was sent (once a guard). */
  let probed = false
  /** Where the text since the last flush starts in `releasedText`, and the leaks before it. */
  let turnStart = 0
  let leaksAtTurnStart = 0
  /** Everything released, with the cuts taken out. */
  let releasedText = ''
  const cuts: Array<readonly [number, number]> = []
  /** After the dropped sentences: dropping the markup around the copy. */
  let trimming = false

  const read = (word: string, start: number): boolean => {
    state = automaton.step(state, word)
    readWords.push(word)
    starts.push(start)
    const keep = Math.max(span, automaton.depth(state))
    if (readWords.length > 2 * keep) {
      readWords = readWords.slice(-keep)
      starts = starts.slice(-keep)
    }
    return automaton.depth(state) === span
  }

  /** Where the held words begin in `pending`, or -1 when no word of `pending` is held. */
  const heldStart = (): number => {
    const depth = automaton.depth(state)
    for (let k = Math.max(0, starts.length - depth); k < starts.length; k++) {
      if (starts[k]! >= 0) return starts[k]!
    }
    return -1
  }

  const release = (end: number): string => {
    if (end <= 0) return ''
    const out = pending.slice(0, end)
    pending = pending.slice(end)
    scanned = Math.max(0, scanned - end)
    const firstHeld = starts.length - automaton.depth(state)
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k]!
      if (s < 0) continue
      if (s < end || k < firstHeld) {
        starts[k] = -1
        releasedTail.push(readWords[k]!)
      } else starts[k] = s - end
    }
    if (releasedTail.length > span) releasedTail = releasedTail.slice(-(span - 1))
    releasedText += out
    return out
  }

  /** The released text's trailing debris before a drop: cut, and forgotten by the automaton. */
  const cutDebris = (): string => {
    const kept = keptBeforeDrop(releasedText)
    if (kept === releasedText.length) return ''
    const cut = releasedText.slice(kept)
    cuts.push([kept, releasedText.length])
    releasedText = releasedText.slice(0, kept)
    turnStart = Math.min(turnStart, kept)
    releasedTail = normaliseWords(releasedText.slice(-400)).slice(-(span - 1))
    return cut
  }

  /** Restarts the automaton on the released words. */
  const restart = (words: readonly string[]) => {
    state = automaton.root
    readWords = []
    starts = []
    for (const w of words.slice(-(span - 1))) read(w, -1)
  }

  /**
   * A copy was completed by the token at `tokenStart`: the held words go, and so does the rest of
   * their sentence. Returns the text released before the held words.
   */
  const onLeak = (tokenStart: number, rest: readonly string[]): string => {
    leaks++
    // The copied run so far is the span just completed, and the rest of its last token.
    const copied = [...readWords.slice(-span), ...rest]
    copyStates = sources().map((a) => copied.reduce((st, w) => a.step(st, w), a.root))
    copyWindow = copied.slice(-span)
    dropAt = 0
    ownFrom = -1
    matching = copyStates.some((st, i) => sources()[i]!.depth(st) === span)
    resumed = false
    stop = undefined
    const start = Math.max(0, heldStart())
    const before = release(start)
    const frame = cutDebris()
    // The copy's fences are read from the line the kept text ends inside of (it has no open block).
    copyFences = createFenceReader(releasedText.slice(releasedText.lastIndexOf('\n') + 1))
    copyFences.read(frame + pending.slice(0, Math.max(0, tokenStart - start)))
    // The sentence end is looked for after the completing token, not inside the held words.
    pending = pending.slice(Math.max(0, tokenStart - start))
    // Its words are read (above); what ends it (a full stop) still counts as a sentence end.
    const token = /^\S*/.exec(pending)![0]
    const tail = token.replace(/^.*[\p{L}\p{N}]/u, '')
    copyFences.read(token.slice(0, token.length - tail.length))
    pending = tail + pending.slice(token.length)
    scanned = 0
    dropping = true
    trimming = false
    atBoundary = false
    carry = ''
    carryRead = 0
    return before
  }

  /** Reads a dropped word on along the copy. */
  const followCopy = (word: string) => {
    copyStates = copyStates.map((st, i) => sources()[i]!.step(st, word))
    copyWindow.push(word)
    if (copyWindow.length > span) copyWindow.shift()
  }

  /** Drops the first `end` characters of `pending` (their words were read along the copy). */
  const dropText = (end: number) => {
    copyFences.read(pending.slice(0, end))
    pending = pending.slice(end)
    scanned = 0
    dropAt = Math.max(0, dropAt - end)
    if (ownFrom >= 0) ownFrom -= end
  }

  /**
   * Whether the model's own words held after the copy, up to `end`, ask the candidate something
   * (asks-candidate.ts: a question, or an instruction or question with no "?", "walk me through
   * how you'd roll it back") in at least OWN_QUESTION_WORDS words (a tag, "right?", "isn't it?",
   * goes with the copied sentence it ends, and so do words that ask nothing, "and so on"). When
   * they do, `ownFrom` moves to where the ask starts: words before it that finish the copied line
   * ("and so on — so how would you ...") go with the copy.
   */
  const asksOwn = (end: number): boolean => {
    if (ownFrom < 0) return false
    const at = askStart(pending.slice(ownFrom, end), OWN_QUESTION_WORDS)
    if (at < 0) return false
    ownFrom += at
    return true
  }

  /**
   * Ends the dropped sentence at the model's own words held after the copy, up to `end`, which
   * asked (from `ownFrom`, as asksOwn left it): they are kept, capitalised as a sentence (its
   * first letter, and a lone "i").
   */
  const keepOwn = (end: number): 'kept' => {
    boundarySpace = ownSpace
    const from = ownFrom
    dropText(ownFrom)
    ownFrom = -1
    dropAt = 0
    const own = pending
      .slice(0, end - from)
      .replace(
        /^([^\p{L}]{0,3})(\p{Ll})/u,
        (_, lead: string, letter: string) => lead + letter.toUpperCase(),
      )
      .replace(/(?<![\p{L}\p{N}'’])i(?=$|['’\s,.!?;:])/gu, 'I')
    pending = own + pending.slice(end - from)
    return 'kept'
  }

  /** Where a copy whose last words are `window` stopped in the model answer or its context. */
  const copyEndOf = (window: readonly string[]): CopyEnd | null => {
    const ends = (options.context ? [modelAnswer, options.context] : [modelAnswer])
      .map((text) => copyEndIn(text, window, normaliseWords))
      .filter((end) => end !== null)
    if (ends.length === 0) return null
    return { inBlock: ends.some((e) => e.inBlock), atBreak: ends.some((e) => e.atBreak) }
  }

  /** Where the dropped copy stopped, from the words last copied. */
  const stopOfCopy = (): CopyEnd | null =>
    stop === undefined ? (stop = copyEndOf(copyWindow)) : stop

  /**
   * Whether `token`, after the copy stopped, begins a sentence of the model's own run on after it
   * with no full stop: a capitalised word (not an acronym) that does not go on with the text the
   * copy came from, where a line or sentence of that text ended with the copy's last word.
   */
  const runsOn = (token: string, word: string): boolean =>
    STARTS_SENTENCE.test(token) &&
    copyStates.every((st, i) => sources()[i]!.depth(sources()[i]!.step(st, word)) <= 1) &&
    stopOfCopy()?.atBreak === true

  /**
   * Drops the rest of the copy's sentence, token by token, reading its words along the copy.
   * Returns 'boundary' at the sentence's end (its whitespace in boundarySpace), 'kept' at a
   * sentence of the model's own the copy ran into with no full stop (`pending` starts with it),
   * 'end' when the text ends, 'wait' for more text.
   */
  const dropSentence = (atEnd: boolean): 'boundary' | 'kept' | 'end' | 'wait' => {
    for (let at = dropAt; ;) {
      let word = at
      while (word < pending.length && /\s/.test(pending[word]!)) word++
      const newline = pending.indexOf('\n', at)
      if (newline >= 0 && newline < word) {
        // A line break ends the sentence: the breaks, not the next line's indentation.
        if (asksOwn(newline)) return keepOwn(newline)
        let end = newline
        while (pending[end] === '\n') end++
        boundarySpace = pending.slice(newline, end)
        ownFrom = -1
        dropText(end)
        dropAt = 0
        return 'boundary'
      }
      let end = word
      while (end < pending.length && !/\s/.test(pending[end]!)) end++
      if (end === word || (end === pending.length && !atEnd)) {
        if (atEnd) {
          if (asksOwn(pending.length)) return keepOwn(pending.length)
          boundarySpace = ''
          ownFrom = -1
          dropText(pending.length)
          dropAt = 0
          return 'end'
        }
        // The last token may still grow: kept with the whitespace before it, and the model's own
        // words held after the copy (bounded, so a reply with no whitespace cannot pile up).
        if (ownFrom >= 0 && at - ownFrom > 400) ownFrom = -1
        dropAt = at
        dropText(ownFrom >= 0 ? ownFrom : at)
        if (pending.length > 256 && ownFrom < 0) {
          pending = pending.slice(-8)
          dropAt = 0
        }
        return 'wait'
      }
      const token = pending.slice(word, end)
      const words = normaliseWords(token)
      const first = resumed
      resumed = false
      // A capitalised word after copied words that end a line or sentence of the model answer
      // may begin a sentence of the model's own run on with no full stop ("... validation What
      // would you ..."), even when its first words go on like the model answer: judged as the
      // next sentence is (carriesOnAhead).
      if (
        matching &&
        !first &&
        word > at &&
        STARTS_SENTENCE.test(token) &&
        copyEndOf(copyWindow)?.atBreak === true
      ) {
        boundarySpace = pending.slice(at, word)
        dropText(word)
        dropAt = 0
        return 'boundary'
      }
      let k = 0
      if (matching) {
        while (k < words.length && carriesOn(words[k]!)) followCopy(words[k++]!)
        if (k < words.length) {
          matching = false
          // Stopped at the end of a line of the model answer: what follows is the model's own.
          if (k === 0 && word > at && stopOfCopy()?.atBreak === true) {
            ownFrom = word
            ownSpace = pending.slice(at, word)
          }
        }
      }
      if (!matching && k === 0 && words.length > 0 && word > at && runsOn(token, words[0]!)) {
        boundarySpace = pending.slice(at, word)
        ownFrom = -1
        dropText(word)
        dropAt = 0
        return 'kept'
      }
      for (; k < words.length; k++) followCopy(words[k]!)
      at = end
      if (SENTENCE_ENDS.test(token) && end < pending.length) {
        if (asksOwn(end)) return keepOwn(end)
        // The whitespace after a full stop ends the sentence with it.
        while (end < pending.length && /\s/.test(pending[end]!)) end++
        boundarySpace = pending.slice(at, end)
        ownFrom = -1
        dropText(end)
        dropAt = 0
        return 'boundary'
      }
    }
  }

  /**
   * Whether the sentence `text` begins with carries on the dropped copy: its words (read past
   * tokens with no word, list bullets) go on along the copy to the sentence's end, or for
   * CARRY_ON_WORDS words. A sentence of the model's own that only begins like what follows the
   * copied text ("What would you check first?" where the model answer goes on "What I'd tell my
   * past self") is not the copy. 'wait' while the words that tell are still to come.
   */
  const carriesOnAhead = (text: string, atEnd: boolean): boolean | 'wait' => {
    let states = copyStates
    const window = [...copyWindow]
    let carried = 0
    const tokens = /\S+\s*/g
    for (let m = tokens.exec(text); m; m = tokens.exec(text)) {
      const token = m[0]
      if (!/\s$/.test(token) && !atEnd) return 'wait'
      for (const word of normaliseWords(token)) {
        const next = states.map((st, i) => sources()[i]!.step(st, word))
        const on = states.some(
          (st, i) => sources()[i]!.depth(st) === span && sources()[i]!.depth(next[i]!) === span,
        )
        // Stopped short: the model's own sentence, unless the copied words end a line or
        // sentence of the model answer (what follows them is the model's, after the copy:
        // "```javascript What would ...", "Costs:, roughly").
        if (!on) return carried > 0 && copyEndOf(window.slice(-span))?.atBreak === true
        states = next
        window.push(word)
        if (++carried >= CARRY_ON_WORDS) return true
      }
      if (carried > 0 && (SENTENCE_ENDS.test(token.trimEnd()) || token.includes('\n'))) return true
    }
    return atEnd ? carried > 0 : 'wait'
  }

  /** Whether `word` extends the dropped copy to a span of the model answer or its context. */
  const carriesOn = (word: string): boolean =>
    copyStates.some((st, i) => {
      const source = sources()[i]!
      return source.depth(st) === span && source.depth(source.step(st, word)) === span
    })

  /**
   * While dropping: discards up to the end of the sentence, and on through each following
   * sentence that carries on the copy, then the markup around it (the probe waits for the end).
   */
  const endDrop = (atEnd: boolean): string => {
    while (!trimming) {
      if (!atBoundary) {
        const ended = dropSentence(atEnd)
        if (ended === 'wait') return ''
        if (ended !== 'boundary') {
          startTrim()
          break
        }
        atBoundary = true
      }
      const next = carriesOnAhead(pending, atEnd)
      if (next === 'wait') return ''
      atBoundary = false
      // The next sentence carries on the copy: it goes too.
      if (next) {
        matching = true
        resumed = true
        stop = undefined
      } else startTrim()
    }
    if (!trimMarkup(atEnd)) return ''
    dropping = false
    restart(releasedTail)
    // What is kept after a dropped line still starts a line (a fence must), a paragraph after a
    // paragraph break.
    if (boundarySpace.includes('\n') && !/(^|\n)$/.test(releasedText)) {
      const breaks = boundarySpace.replace(/[^\n]/g, '')
      releasedText += breaks
      return breaks
    }
    return ''
  }

  /**
   * At the end of a text with a dropped copy: the neutral probe, when nothing the text keeps asks
   * the candidate anything (asks-candidate.ts), so the turn asks once; at most once a guard. Not
   * sent either when its words would complete a copy with the released words before them.
   */
  const probeAtEnd = (): string => {
    if (probed || leaks === leaksAtTurnStart) return ''
    if (textAsks(releasedText.slice(turnStart))) return ''
    probed = true
    state = automaton.root
    for (const w of releasedTail.slice(-(span - 1))) state = automaton.step(state, w)
    for (const w of probeWords) {
      state = automaton.step(state, w)
      if (automaton.depth(state) === span) {
        restart(releasedTail)
        return ''
      }
    }
    const out = (/(^|\s)$/.test(releasedText) ? '' : ' ') + probe
    releasedText += out
    releasedTail = [...releasedTail, ...probeWords].slice(-(span - 1))
    restart(releasedTail)
    return out
  }

  /**
   * The dropped sentences are over: the markup after them is trimmed from here, with the copy's
   * block open as it is where the copy stopped. Read once: trimming that waits for a line goes on
   * at the next delta with what it learnt (a closing fence it dropped is not in `copyFences`, so
   * reading that again would reopen the block and take the interviewer's own bare fence for its
   * closing one).
   */
  const startTrim = () => {
    trimming = true
    copyOpen = copyFences.open || stopOfCopy()?.inBlock === true
  }

  /**
   * After the dropped sentences: drops the lines with no word that follow, and a fence that closes
   * the block the copy was in (open by the copy's own fences, those of its frame the candidate
   * never saw, or where the copy stopped in the model answer: a copy begun inside a block carried
   * no opening fence); of a line where such a fence is followed by prose, only the fence. A fence
   * with an info string, or a bare one with no block open, opens a block of the interviewer's own
   * and stays. False while the next line may still turn out to be debris.
   */
  const trimMarkup = (atEnd: boolean): boolean => {
    while (trimming) {
      const newline = pending.indexOf('\n')
      const line = newline < 0 ? pending : pending.slice(0, newline + 1)
      const complete = newline >= 0 || atEnd
      // The copy's closing fence with the question after it on the same line: the fence goes, the
      // prose is read on as usual (endDrop waited for its first word, so nothing more is held).
      const fence = closingFenceBeforeProse(line, copyOpen)
      if (fence > 0) {
        copyOpen = false
        pending = pending.slice(fence)
        scanned = 0
        break
      }
      const blank = /^\s*$/.test(line)
      const kind = fenceKind(line)
      // A fence line is judged whole: "```" may still become "```ts" or "``` What ...".
      if (!complete && (blank || isMarkupLine(line) || kind !== null)) {
        if (atEnd) break
        return false
      }
      // A bare fence with no block open opens one, which is the copy's frame when it is empty: a
      // fence line follows it (the copy stopped right after the fence opening its next block).
      let emptyBlock = false
      if (kind === 'bare' && !copyOpen) {
        const next = pending.indexOf('\n', line.length)
        if (next < 0 && !atEnd) return false
        emptyBlock = fenceKind(pending.slice(line.length, next < 0 ? undefined : next)) !== null
      }
      const debris = blank
        ? newline >= 0
        : isMarkupLine(line) || (kind === 'bare' && copyOpen) || emptyBlock
      if (!debris) break
      // A fence dropped here closes the copy's block, or opens the empty one (closed by the next).
      if (kind !== null) copyOpen = emptyBlock
      // What is kept after a dropped line starts a line (a fence must).
      if (line.includes('\n') && !boundarySpace.includes('\n')) boundarySpace = '\n'
      pending = pending.slice(line.length)
      scanned = 0
    }
    trimming = false
    return true
  }

  /** Reads complete tokens, releases what cannot become a copy; `atEnd` reads the last token. */
  const advance = (atEnd: boolean): string => {
    let out = ''
    for (;;) {
      if (dropping) {
        out += endDrop(atEnd)
        if (dropping) return out
      }
      let leakedAt = -1
      let rest: string[] = []
      while (leakedAt < 0) {
        // A carried token (released while being typed) ends at the first whitespace.
        if (carry === '') while (scanned < pending.length && /\s/.test(pending[scanned]!)) scanned++
        let end = scanned
        while (end < pending.length && !/\s/.test(pending[end]!)) end++
        const closed = end < pending.length || atEnd
        if (!closed || (end === scanned && carry === '')) break
        const words = normaliseWords(carry + pending.slice(scanned, end)).slice(carryRead)
        carry = ''
        carryRead = 0
        const tokenStart = scanned
        scanned = end
        for (const [k, word] of words.entries()) {
          if (read(word, tokenStart)) {
            leakedAt = tokenStart
            rest = words.slice(k + 1)
            break
          }
        }
      }
      if (leakedAt >= 0) {
        out += onLeak(leakedAt, rest)
        continue
      }
      break
    }
    const start = heldStart()
    if (start >= 0) return out + release(start)
    out += release(scanned)
    // The token being typed goes too when it cannot be the start of a copy.
    const open = pending
    // A token that may become a fence waits for its end (fences are counted on whole tokens).
    if (open.length > 0 && !atEnd && !open.includes('`') && !open.includes('~')) {
      const words = normaliseWords(carry + open)
      const typing = OPEN_WORD_END.test(open)
      const complete = words.slice(carryRead, typing ? -1 : undefined)
      const last = typing ? words.at(-1) : undefined
      let tentative = state
      for (const w of complete) tentative = automaton.step(tentative, w)
      if (
        automaton.depth(tentative) === 0 &&
        (last === undefined || !automaton.couldStartSpan(last))
      ) {
        for (const w of complete) read(w, 0)
        carry += open
        carryRead += complete.length
        out += release(open.length)
        // Its words are released; none is held (depth 0), so none may be marked as pending.
        starts = starts.map(() => -1)
      }
    }
    return out
  }

  /** Where `preview` ends in `pending`: see LeakGuard.preview. */
  const previewEnd = (): number => {
    if (dropping) return 0
    const depth = automaton.depth(state)
    let end = pending.length
    if (depth >= holdRun) {
      // The run's words from its holdRun-th on: the first of them still pending is held, with
      // its token (every word of a token has the token's start).
      for (let k = starts.length - depth + holdRun - 1; k < starts.length; k++) {
        if (starts[k]! >= 0) {
          end = starts[k]!
          break
        }
      }
    }
    // The token being typed would add its words to the run.
    const open = pending.slice(scanned)
    const typed = normaliseWords(carry + open).length - carryRead
    if (/\S/.test(open) && depth + Math.max(1, typed) >= holdRun) end = Math.min(end, scanned)
    return end
  }

  return {
    get leaks() {
      return leaks
    },
    get held() {
      return pending
    },
    get cuts() {
      return cuts
    },
    get preview() {
      return pending.slice(0, previewEnd())
    },
    push(delta) {
      pending += delta
      return advance(false)
    },
    flush() {
      // At the end nothing can follow: the held words are released (and stay in the automaton,
      // so text pushed after a flush still cannot complete a copy with them).
      const out = advance(true) + release(pending.length) + probeAtEnd()
      scanned = 0
      carry = ''
      carryRead = 0
      turnStart = releasedText.length
      leaksAtTurnStart = leaks
      return out
    },
  }
}

/** `text` (all a guard released) with its cuts taken out: what a turn shows once they are applied. */
export function applyCuts(text: string, cuts: LeakGuard['cuts']): string {
  let out = text
  for (const [from, to] of cuts) out = out.slice(0, from) + out.slice(to)
  return out
}

/**
 * Feeds streamed deltas through the guard and yields only what it lets through, as soon as it
 * does. Returns the number of leaks caught in this stream when it ends.
 */
export async function* guardStream(
  deltas: AsyncIterable<string>,
  guard: LeakGuard,
): AsyncGenerator<string, { leaks: number }> {
  const before = guard.leaks
  for await (const delta of deltas) {
    const ready = guard.push(delta)
    if (ready) yield ready
  }
  const rest = guard.flush()
  if (rest) yield rest
  return { leaks: guard.leaks - before }
}
