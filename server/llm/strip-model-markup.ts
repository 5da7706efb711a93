/**
 * Removes what a model writes for itself, not for the reader, from its text (the forms are in
 * model-markup-forms.ts): reasoning blocks (`<think>…</think>` and its kin), tool-call markup some
 * servers leave in `content`, gpt-oss "harmony" messages other than the final one, and the
 * end-of-turn tokens of a server whose stop tokens do not match the model (with the next turn the
 * model goes on to write).
 *
 * Streaming is a small state machine over the deltas: a tag may arrive split across any number
 * of deltas, so text that could still become a tag (`<thi`) is held until the next delta decides.
 * Only that possible tag prefix is held, never a whole sentence, except at a reply's start that
 * reads as reasoning (reasoning-opening.ts).
 *
 * A closing reasoning tag that was never opened (the server's template opened it in the prompt)
 * makes everything before it reasoning. What of it was not yet released is dropped; when some was,
 * the filter counts a retraction (`retractions`): the reader takes back all it released so far and
 * goes on with what follows. The same holds for text before a harmony final message.
 *
 * A block the model wrapped in a code fence (```` ```json ```` then `<tool_call>…`) goes with
 * its fences, so no empty code block is left: a line that opens a fence is held until the next
 * line shows whether a block follows it (a line of markup, never prose).
 */
import {
  BLOCKS,
  END_OF_TURN,
  HARMONY,
  HARMONY_MESSAGE_END,
  ORPHAN_CLOSERS,
  type Block,
} from './model-markup-forms.js'
import { bareHarmonyFinal, readOpening, type OpeningVerdict } from './reasoning-opening.js'

/** What meeting a form outside any block does. */
type Action =
  | { type: 'block'; block: Block }
  /** All before it in the reply is reasoning. */
  | { type: 'orphan-closer' }
  /** The reply is over: nothing after it is for the reader. */
  | { type: 'end-of-turn' }
  /** Harmony: a message header begins (`<|channel|>` or `<|start|>`). */
  | { type: 'channel' }
  | { type: 'start' }
  /** Harmony `<|end|>` (also Phi's end of turn): what follows is dropped up to a `<|start|>`. */
  | { type: 'message-end' }
  /** A stray header token: the token alone goes. */
  | { type: 'drop' }

const FORMS = new Map<string, Action>()
for (const block of BLOCKS) FORMS.set(block.open.toLowerCase(), { type: 'block', block })
for (const tag of ORPHAN_CLOSERS) FORMS.set(tag.toLowerCase(), { type: 'orphan-closer' })
for (const tag of [...END_OF_TURN, ...HARMONY.stops])
  FORMS.set(tag.toLowerCase(), { type: 'end-of-turn' })
FORMS.set(HARMONY.channel, { type: 'channel' })
FORMS.set(HARMONY.start, { type: 'start' })
FORMS.set(HARMONY.end, { type: 'message-end' })
FORMS.set(HARMONY.message, { type: 'drop' })
FORMS.set(HARMONY.constrain, { type: 'drop' })

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const ALL_FORMS = [...FORMS.keys()].sort((a, b) => b.length - a.length)
const OPENER = new RegExp(ALL_FORMS.map(escape).join('|'), 'i')
const LONGEST_FORM = Math.max(...ALL_FORMS.map((f) => f.length))
const FORM_STARTS = new Set(ALL_FORMS.map((f) => f[0]!))

/** Where the filter is inside markup, and what ends it. */
type Inside = {
  kind: 'reasoning' | 'tool-call' | 'after-end' | 'channel-header' | 'start-header'
  /** Tags that end it, removed with it. */
  close: readonly string[]
  /** Tags that end it and are read as text again. */
  until: readonly string[]
}

const CHANNEL_HEADER: Inside = { kind: 'channel-header', close: [HARMONY.message], until: [] }
const START_HEADER: Inside = {
  kind: 'start-header',
  close: [HARMONY.message],
  until: [HARMONY.channel],
}
const AFTER_END: Inside = { kind: 'after-end', close: [], until: [HARMONY.start] }
/** A header longer than this is no header: its text is dropped as a message's. */
const HEADER_MAX = 200

export type MarkupFilter = {
  /**
   * Takes the next delta; returns the text that is surely for the reader. When `retractions`
   * grew during the call, the text released before it is taken back first.
   */
  push(delta: string): string
  /**
   * The stream ended: returns what was held back. `complete` false (a cut or length-stopped
   * reply): a start held as reasoning is dropped rather than shown.
   */
  end(complete?: boolean): string
  /** Blocks removed so far, by kind. */
  readonly removed: { reasoning: number; toolCalls: number }
  /** Times the text released so far turned out to be reasoning, to be taken back. */
  readonly retractions: number
}

export function createMarkupFilter(): MarkupFilter {
  let pending = ''
  let inside: Inside | null = null
  /** A harmony header read so far. */
  let header = ''
  /** Past an end of turn: everything else is dropped. */
  let dropRest = false
  const removed = { reasoning: 0, toolCalls: 0 }
  let retractions = 0
  /** A removed block was fenced: the fence that closes it goes too. */
  let closeFence = false
  /** The reply's start, held while it may be reasoning; 'done' once it is known not to be. */
  let opening: OpeningVerdict | 'done' = 'hold'
  let openingText = ''
  /** Text was released since the start or the last retraction. */
  let released = false
  let finalSeen = false

  /** Everything before this point is reasoning: drop it, and retract what was released. */
  function retract(): string {
    openingText = ''
    opening = 'done'
    if (released) {
      retractions++
      released = false
    }
    return ''
  }

  function enter(block: Block) {
    if (block.kind === 'reasoning') removed.reasoning++
    else removed.toolCalls++
    if (block.close === null) dropRest = true
    else inside = { kind: block.kind, close: block.close, until: block.until ?? [] }
  }

  /** A harmony channel header read whole: the final channel is text, any other is not. */
  function openChannel(text: string, out: string): string {
    const name = text.replace(HARMONY.constrain, ' ').trim().toLowerCase()
    if (name.startsWith('final')) {
      if (finalSeen) return out
      finalSeen = true
      return retract()
    }
    const tool = name.startsWith('commentary') && /\bto=/.test(name)
    const kind = tool ? 'tool-call' : 'reasoning'
    enter({ open: '', ...HARMONY_MESSAGE_END, kind })
    return out
  }

  function drain(final: boolean): string {
    let out = ''
    for (;;) {
      if (dropRest) {
        pending = ''
        return out
      }
      if (inside) {
        const found = firstTag(pending, inside)
        const capture = inside.kind === 'channel-header' || inside.kind === 'start-header'
        if (!found) {
          // Keep only what could be the start of a tag that ends it.
          const keep = final ? 0 : Math.min(pending.length, longestTag(inside) - 1)
          if (capture) header += pending.slice(0, pending.length - keep)
          pending = pending.slice(pending.length - keep)
          if (capture && header.length > HEADER_MAX) {
            inside = null
            enter({ open: '', ...HARMONY_MESSAGE_END, kind: 'reasoning' })
          }
          return out
        }
        const text = header + pending.slice(0, found.at)
        pending = pending.slice(found.at + (found.consumed ? found.tag.length : 0))
        const was = inside.kind
        inside = null
        header = ''
        if (was === 'channel-header') out = openChannel(text, out)
        else if (was === 'start-header' && !/^\s*assistant\b/i.test(text)) {
          // A turn of another role: the model writing the user's next message, a tool's result.
          dropRest = true
        }
        continue
      }
      if (closeFence) {
        const fence = CLOSING_FENCE.exec(pending)
        const partial = !final && /^\s*`{0,3}[ \t]*$/.test(pending)
        // The fence line goes with its line break: wait for it (or for the end).
        if (fence ? !final && !fence[0].endsWith('\n') : partial) return out
        closeFence = false
        if (fence) pending = pending.slice(fence[0].length)
        continue
      }
      const match = OPENER.exec(pending)
      if (match) {
        const before = pending.slice(0, match.index)
        pending = pending.slice(match.index + match[0].length)
        const action = FORMS.get(match[0].toLowerCase())!
        switch (action.type) {
          case 'orphan-closer':
            removed.reasoning++
            out = retract()
            continue
          case 'end-of-turn':
            out += before
            dropRest = true
            continue
          case 'drop':
            out += before
            continue
          case 'message-end':
            out += before
            inside = AFTER_END
            continue
          case 'channel':
          case 'start':
            out += before
            inside = action.type === 'channel' ? CHANNEL_HEADER : START_HEADER
            continue
        }
        // A fence opened right before the block is the block's: it goes, and its closing fence.
        const fence = FENCE_OPENING_TAIL.exec(before)
        closeFence = fence !== null
        out += fence ? before.slice(0, fence.index + fence[1]!.length) : before
        // Reasoning in its own block: what follows it is the answer, never held as reasoning.
        if (action.block.kind === 'reasoning' && opening !== 'reasoning') opening = 'done'
        enter(action.block)
        continue
      }
      const tag = final ? 0 : possibleTagStart(pending)
      const hold = final ? 0 : tag + fenceOpeningHold(pending.slice(0, pending.length - tag))
      out += pending.slice(0, pending.length - hold)
      pending = pending.slice(pending.length - hold)
      return out
    }
  }

  /** The reply's start through the opening hold: what may be released now. */
  function gate(text: string, final: boolean, complete: boolean): string {
    if (opening === 'done') {
      // The path of nearly every token: no string built.
      if (openingText === '') {
        if (text.length > 0) released = true
        return text
      }
      return release(openingText + text)
    }
    openingText += text
    opening = readOpening(openingText)
    if (opening === 'reasoning') {
      const answer = bareHarmonyFinal(openingText)
      if (answer >= 0) {
        removed.reasoning++
        const rest = openingText.slice(answer)
        retract()
        return release(rest)
      }
    }
    if (opening === 'ordinary' || final) {
      if (final && opening === 'reasoning' && !complete) {
        removed.reasoning++
        openingText = ''
      }
      opening = 'done'
      return release(openingText)
    }
    return ''
  }

  function release(text: string): string {
    openingText = ''
    if (text.length > 0) released = true
    return text
  }

  return {
    push: (delta) => {
      pending += delta
      return gate(drain(false), false, true)
    },
    end: (complete = true) => gate(drain(true), true, complete),
    removed,
    get retractions() {
      return retractions
    },
  }
}

/**
 * A line opening a code fence (or that may still become one) at the end of the text, the line
 * break before it in group 1.
 */
const FENCE_OPENING_TAIL = /(^|\n)[ \t]*(?:```[^\n`]*\n?[ \t]*|`{1,2})$/
/** The fence closing a removed fenced block, with its line break. */
const CLOSING_FENCE = /^\s*```[ \t]*(?:\n|$)/

/** How much of `pending` to hold while its last line opens a code fence (see createMarkupFilter). */
function fenceOpeningHold(pending: string): number {
  if (!pending.includes('`')) return 0
  const fence = FENCE_OPENING_TAIL.exec(pending)
  return fence ? pending.length - fence.index - fence[1]!.length : 0
}

/**
 * A whole reply without its markup (the grader's JSON, a non-streamed reply). In one push a
 * retraction takes back nothing released: the text before an unopened `</think>` is simply gone.
 */
export function stripModelMarkup(text: string): string {
  const filter = createMarkupFilter()
  return filter.push(text) + filter.end()
}

/** How many characters at the end of `text` could be the beginning of a tag form. */
function possibleTagStart(text: string): number {
  const from = Math.max(0, text.length - LONGEST_FORM + 1)
  for (let i = from; i < text.length; i++) {
    const c = text[i]!
    if (c !== '<' && c !== '[' && !FORM_STARTS.has(c)) continue
    const tail = text.slice(i).toLowerCase()
    if (ALL_FORMS.some((form) => form.startsWith(tail))) return text.length - i
  }
  return 0
}

/** The first tag in `text` that ends `inside`, and whether it goes with it. */
function firstTag(
  text: string,
  inside: Inside,
): { at: number; tag: string; consumed: boolean } | null {
  let best: { at: number; tag: string; consumed: boolean } | null = null
  for (const [tags, consumed] of [
    [inside.close, true],
    [inside.until, false],
  ] as const) {
    for (const tag of tags) {
      const at = indexOfIgnoreCase(text, tag)
      if (at >= 0 && (best === null || at < best.at)) best = { at, tag, consumed }
    }
  }
  return best
}

function longestTag(inside: Inside): number {
  return Math.max(1, ...inside.close.map((t) => t.length), ...inside.until.map((t) => t.length))
}

const NEEDLES = new Map<string, RegExp>()

function indexOfIgnoreCase(text: string, needle: string): number {
  // A regex, not toLowerCase: lowercasing can change a string's length and so its indexes.
  let pattern = NEEDLES.get(needle)
  if (!pattern) NEEDLES.set(needle, (pattern = new RegExp(escape(needle), 'i')))
  return text.search(pattern)
}
