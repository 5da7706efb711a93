/** Test helpers over fenced code blocks of a Markdown text (``` or longer fences). */
export type FencedBlock = { language: string; content: string }

const OPEN = /^(`{3,})(\S*)\s*$/

/** Splits Markdown into prose lines and fenced blocks, in order. */
function walk(markdown: string, onProse: (line: string) => void, onBlock: (block: FencedBlock, fence: string) => void) {
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!)
    if (!open) {
      onProse(lines[i]!)
      continue
    }
    const fence = open[1]!
    const body: string[] = []
    let j = i + 1
    while (j < lines.length && lines[j]!.trim() !== fence) body.push(lines[j++]!)
    if (j >= lines.length) throw new Error(`unclosed ${fence} fence at line ${i + 1}`)
    onBlock({ language: open[2]!, content: body.join('\n') }, fence)
    i = j
  }
}

export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = []
  walk(markdown, () => {}, (block) => blocks.push(block))
  return blocks
}

/** The Markdown with every code block's content replaced by a marker; prose and tags kept. */
export function maskCode(markdown: string): string {
  const out: string[] = []
  walk(
    markdown,
    (line) => out.push(line),
    (block, fence) => out.push(`${fence}${block.language}`, '<code>', fence),
  )
  return out.join('\n')
}

/** The prose only, code blocks dropped. */
export function proseOf(markdown: string): string {
  const out: string[] = []
  walk(markdown, (line) => out.push(line), () => {})
  return out.join('\n')
}

/** Code with all whitespace removed: re-breaking lines must leave this unchanged. */
export const codeTokens = (code: string) => code.replace(/\s+/g, '')
