/**
 * Removes what a model writes for itself, not for the reader, from its text: reasoning blocks
 * (`<think>…</think>` from DeepSeek-R1 and Qwen3 served without a reasoning parser, `<reasoning>`,
 * `<thinking>`) and tool-call markup some servers leave in `content` (Ollama and Hermes-style
 * `<tool_call>{…}</tool_call>`, Llama 3.1 `<function=…>…</function>` and `<|python_tag|>`,
 * Mistral `[TOOL_CALLS]`, DeepSeek's `<｜tool▁calls▁begin｜>`).
 *
 * Streaming is a small state machine over the deltas: a tag may arrive split across any number
 * of deltas, so text that could still become a tag (`<thi`) is held until the next delta decides.
 * Only that possible tag prefix is held, never a whole sentence.
 *
 * A block the model wrapped in a code fence (```` ```json ```` then `<tool_call>…`) goes with
 * its fences, so no empty code block is left: a line that opens a fence is held until the next
 * line shows whether a block follows it (a line of markup, never prose).
 */

type Block = {
  open: string
  /** null: the markup runs to the end of the reply (nothing after it is for the reader). */
  close: string | null
  kind: 'reasoning' | 'tool-call'
}

const REASONING_TAGS = ['think', 'thinking', 'reasoning']
const TOOL_TAGS = ['tool_call', 'tool_calls', 'function_call']

const BLOCKS: readonly Block[] = [
  ...REASONING_TAGS.map((n) => ({ open: `<${n}>`, close: `</${n}>`, kind: 'reasoning' as const })),
  ...TOOL_TAGS.map((n) => ({ open: `<${n}>`, close: `</${n}>`, kind: 'tool-call' as const })),
  // `<function=name>{json}</function>`: the open form's tail (name and `>`) is inside the block.
  { open: '<function=', close: '</function>', kind: 'tool-call' },
  { open: '<｜tool▁calls▁begin｜>', close: '<｜tool▁calls▁end｜>', kind: 'tool-call' },
  { open: '[TOOL_CALLS]', close: null, kind: 'tool-call' },
  { open: '<|python_tag|>', close: null, kind: 'tool-call' },
]

/** A closing reasoning tag with no opening: the server's template opened the block in the prompt. */
const ORPHAN_CLOSERS = REASONING_TAGS.map((n) => `</${n}>`)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const OPENER = new RegExp(
  [...BLOCKS.map((b) => b.open), ...ORPHAN_CLOSERS].map(escape).join('|'),
  'i',
)
const ALL_FORMS = [...BLOCKS.map((b) => b.open), ...ORPHAN_CLOSERS].map((f) => f.toLowerCase())
const LONGEST_FORM = Math.max(...ALL_FORMS.map((f) => f.length))

export type MarkupFilter = {
  /** Takes the next delta; returns the text that is surely for the reader. */
  push(delta: string): string
  /** The stream ended: returns what was held back because it might have begun a tag. */
  end(): string
  /** Blocks removed so far, by kind. */
  readonly removed: { reasoning: number; toolCalls: number }
}

export function createMarkupFilter(): MarkupFilter {
  let pending = ''
  let inside: Block | null = null
  /** Inside a block with no closing tag: everything else is dropped. */
  let dropRest = false
  const removed = { reasoning: 0, toolCalls: 0 }
  /** A removed block was fenced: the fence that closes it goes too. */
  let closeFence = false

  function drain(final: boolean): string {
    let out = ''
    for (;;) {
      if (dropRest) {
        pending = ''
        return out
      }
      if (inside) {
        const close = inside.close!
        const at = indexOfIgnoreCase(pending, close)
        if (at < 0) {
          // Keep only what could be the start of the closing tag.
          pending = final ? '' : pending.slice(Math.max(0, pending.length - close.length + 1))
          return out
        }
        pending = pending.slice(at + close.length)
        inside = null
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
        const block = BLOCKS.find((b) => b.open.toLowerCase() === match[0].toLowerCase())
        if (!block) {
          out += before
          continue // an orphan closing tag: the tag alone goes
        }
        // A fence opened right before the block is the block's: it goes, and its closing fence.
        const fence = FENCE_OPENING_TAIL.exec(before)
        closeFence = fence !== null
        out += fence ? before.slice(0, fence.index + fence[1]!.length) : before
        if (block.kind === 'reasoning') removed.reasoning++
        else removed.toolCalls++
        if (block.close === null) dropRest = true
        else inside = block
        continue
      }
      const tag = final ? 0 : possibleTagStart(pending)
      const hold = final ? 0 : tag + fenceOpeningHold(pending.slice(0, pending.length - tag))
      out += pending.slice(0, pending.length - hold)
      pending = pending.slice(pending.length - hold)
      return out
    }
  }

  return {
    push: (delta) => {
      pending += delta
      return drain(false)
    },
    end: () => drain(true),
    removed,
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
 * A whole reply without its markup (the grader's JSON, a non-streamed reply). Unlike a stream,
 * a whole reply can also be cleaned of reasoning whose opening tag was in the prompt: everything
 * before an unopened `</think>` is reasoning.
 */
export function stripModelMarkup(text: string): string {
  const filter = createMarkupFilter()
  return filter.push(dropBeforeOrphanCloser(text)) + filter.end()
}

function dropBeforeOrphanCloser(text: string): string {
  for (const closer of ORPHAN_CLOSERS) {
    const at = indexOfIgnoreCase(text, closer)
    if (at < 0) continue
    const opener = closer.replace('</', '<')
    if (indexOfIgnoreCase(text.slice(0, at), opener) < 0) return text.slice(at + closer.length)
  }
  return text
}

/** How many characters at the end of `text` could be the beginning of a tag form. */
function possibleTagStart(text: string): number {
  const from = Math.max(0, text.length - LONGEST_FORM + 1)
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c !== '<' && c !== '[') continue
    const tail = text.slice(i).toLowerCase()
    if (ALL_FORMS.some((form) => form.startsWith(tail))) return text.length - i
  }
  return 0
}

function indexOfIgnoreCase(text: string, needle: string): number {
  // A regex, not toLowerCase: lowercasing can change a string's length and so its indexes.
  return text.search(new RegExp(escape(needle), 'i'))
}
