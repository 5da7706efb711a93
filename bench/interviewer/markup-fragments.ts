/**
 * Markup debris in a text the candidate saw: what a filter leaves behind when it cuts text out of
 * a code block or a list and keeps the markup around it. Judged on the text alone (the bench does
 * not share the server's rules): each of these is one fragment.
 *
 * - a code fence with no partner (an odd number of fence lines);
 * - a fenced block with nothing in it;
 * - outside fenced blocks, a line with no word in it (`}`, `]);`, a bullet with nothing after it);
 * - a lead-in line ending with ":" that nothing follows but prose of another sentence or the
 *   text's end ("Here is the code:" then no code).
 */
export function markupFragments(text: string): string[] {
  const found: string[] = []
  const lines = text.split('\n')
  const fences = lines.filter((l) => FENCE.test(l)).length
  if (fences % 2 === 1) found.push('unbalanced code fence')
  let inFence = false
  let blockLines = 0
  lines.forEach((line, i) => {
    if (FENCE.test(line)) {
      if (inFence && blockLines === 0) found.push('empty code block')
      inFence = !inFence
      blockLines = 0
      return
    }
    if (inFence) {
      if (line.trim()) blockLines++
      return
    }
    const trimmed = line.trim()
    if (trimmed && !WORD.test(trimmed)) found.push(`markup line "${trimmed}"`)
    else if (/:\s*$/.test(trimmed)) {
      const next = lines.slice(i + 1).find((l) => l.trim())
      if (next === undefined || !OPENS_BLOCK.test(next)) found.push(`dangling lead-in "${trimmed}"`)
    }
  })
  return found
}

const FENCE = /^\s*(```|~~~)/
const WORD = /[\p{L}\p{N}]/u
/** What a lead-in line may introduce: a code block, a list item, an indented or quoted line. */
const OPENS_BLOCK = /^(\s*(```|~~~|[-*+•]\s|\d+[.)]\s|>)|\s{2,}\S)/
