/** One line of a source document with its 1-based line number, so errors can point at it. */
export type SourceLine = { n: number; text: string }

/** An import problem at a line of the source document. */
export type ImportError = { line: number; message: string }

export function toSourceLines(text: string): SourceLine[] {
  return text.split(/\r?\n/).map((line, i) => ({ n: i + 1, text: line }))
}

export const isBlank = (line: SourceLine) => line.text.trim() === ''

/** Drops blank lines at both ends. */
export function trimBlankLines(lines: SourceLine[]): SourceLine[] {
  let start = 0
  let end = lines.length
  while (start < end && isBlank(lines[start]!)) start++
  while (end > start && isBlank(lines[end - 1]!)) end--
  return lines.slice(start, end)
}
