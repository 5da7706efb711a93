import { guessCodeLanguage } from './code-language.js'
import { isBlank, type SourceLine } from './source-line.js'

/**
 * The seed lost the line breaks of its code: a code block survives as one flush line (the
 * collapsed first lines) followed by lines indented four or more spaces (the later ones), or as
 * a single flush line of collapsed code. Everything else is prose, kept verbatim.
 */
const CONTINUATION = /^ {4,}/

/** A flush line that is code on its own: a comment or a statement, never a sentence. */
export function isCodeLine(text: string): boolean {
  if (/^(\/\/|\/\*)/.test(text)) return true
  if (/^--\s\S/.test(text)) return true
  // A `#` comment glued to the code after it: a call, an assignment, a Ruby symbol or block.
  if (/^#\s\S/.test(text) && /[(){};=@|$]|\.\/|[a-z]\.[a-z_]+|\s:[a-z_]+|\bdo\b/i.test(text)) {
    return true
  }
  return (
    /^(const|let|var|function|async function|class \w+|import |export |def \w+|SELECT |INSERT |UPDATE \w+ SET|DELETE FROM)/.test(
      text,
    ) && /[;{}()=]/.test(text)
  )
}

/** A run of source lines that forms one code (or preformatted text) block. */
export type CodeRun = { start: number; end: number; lines: SourceLine[] }

/** Finds the code runs of a section; `end` is exclusive. */
export function findCodeRuns(lines: SourceLine[]): CodeRun[] {
  const runs: CodeRun[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const next = lines[i + 1]
    const startsGroup =
      !isBlank(line) && next !== undefined && next.text !== '' && CONTINUATION.test(next.text)
    if (startsGroup || (!isBlank(line) && CONTINUATION.test(line.text))) {
      let end = i + 1
      while (end < lines.length && lines[end]!.text !== '' && CONTINUATION.test(lines[end]!.text))
        end++
      runs.push({ start: i, end, lines: lines.slice(i, end) })
      i = end
    } else if (!isBlank(line) && isCodeLine(line.text)) {
      runs.push({ start: i, end: i + 1, lines: [line] })
      i++
    } else i++
  }
  return runs
}

/** A fence longer than any backtick run inside, so code that contains ``` stays inside. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

export function fenceCode(code: string, language = guessCodeLanguage(code)): string {
  const fence = fenceFor(code)
  return `${fence}${language}\n${code}\n${fence}`
}

/**
 * Turns a section of the source into Markdown: code runs become fenced blocks with a language
 * tag, their text verbatim apart from trailing spaces; prose lines stay as they are.
 */
export function sectionToMarkdown(lines: SourceLine[]): string {
  const runs = new Map(findCodeRuns(lines).map((run) => [run.start, run]))
  const out: string[] = []
  const separate = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('')
  }
  for (let i = 0; i < lines.length; ) {
    const run = runs.get(i)
    if (run) {
      separate()
      out.push(fenceCode(run.lines.map((l) => l.text.trimEnd()).join('\n')), '')
      i = run.end
      continue
    }
    // Prose is dedented: the seed indents some lists and bullets, and Markdown renders a line
    // indented by four spaces after a blank line as code.
    const text = lines[i]!.text.trim()
    if (text === '') separate()
    else out.push(text)
    i++
  }
  return out.join('\n').replace(/^\n+|\n+$/g, '')
}
