import { findCodeRuns, sectionToMarkdown } from './code-block-detection.js'
import { failed, parsed, type ParseResult } from './parse-result.js'
import { DifficultySchema, type Difficulty } from './question-schema.js'
import { isBlank, trimBlankLines, type SourceLine } from './source-line.js'

const METADATA = /^\s*(Difficulty|Role|Level|Company Examples)\s*:\s*(.*?)\s*$/i
const PROMPT = /^\s*Question\s*:\s*[“"](.+)[”"]\s*$/
const NUMBERED = /^\s*\d+\.\s+(\S.*?)\s*$/
const KEYS = ['Difficulty', 'Role', 'Level', 'Company Examples'] as const

export type QuestionIntro = {
  difficulty: Difficulty
  role: string
  level: string
  companies: string[]
  prompt: string
  scenario: string
  requirements: string[]
}

function parseDifficulty(value: string, line: number): ParseResult<Difficulty> {
  const match = DifficultySchema.options.find((d) => d.toLowerCase() === value.toLowerCase())
  if (match) return parsed(match)
  const allowed = DifficultySchema.options.join(', ')
  return failed(line, `unknown difficulty "${value}": expected one of ${allowed}`)
}

/** Metadata lines, the quoted question and the scenario with its numbered requirements. */
export function parseIntro(header: SourceLine, intro: SourceLine[], end: SourceLine): ParseResult<QuestionIntro> {
  const promptAt = intro.findIndex((l) => PROMPT.test(l.text))
  const metaLines = promptAt < 0 ? intro : intro.slice(0, promptAt)
  const meta = new Map<string, { value: string; line: number }>()
  for (const line of metaLines) {
    if (isBlank(line)) continue
    const m = METADATA.exec(line.text)
    if (!m) {
      return failed(
        line.n,
        `expected a metadata line (${KEYS.map((k) => `"${k}: ..."`).join(', ')}) or the question line "Question: “...”", found "${line.text.trim().slice(0, 60)}"`,
      )
    }
    const key = KEYS.find((k) => k.toLowerCase() === m[1]!.toLowerCase())!
    meta.set(key, { value: m[2]!, line: line.n })
  }
  const promptLine = intro[promptAt]
  const expectedAt = promptLine?.n ?? end.n
  for (const key of KEYS) {
    if (!meta.get(key)?.value) {
      return failed(expectedAt, `expected a "${key}: ..." line between the title (line ${header.n}) and this line`)
    }
  }
  if (!promptLine) return failed(end.n, 'expected the question line "Question: “...”" before this line')
  const difficulty = parseDifficulty(meta.get('Difficulty')!.value, meta.get('Difficulty')!.line)
  if (!difficulty.ok) return difficulty

  const scenarioLines = trimBlankLines(intro.slice(promptAt + 1))
  if (scenarioLines.length === 0) return failed(end.n, 'expected a scenario after the question line')
  const codeLines = new Set(findCodeRuns(scenarioLines).flatMap((r) => r.lines))
  const requirements = scenarioLines
    .filter((l) => !codeLines.has(l))
    .map((l) => NUMBERED.exec(l.text)?.[1])
    .filter((r): r is string => r !== undefined)
  return parsed({
    difficulty: difficulty.value,
    role: meta.get('Role')!.value,
    level: meta.get('Level')!.value,
    companies: meta
      .get('Company Examples')!
      .value.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    prompt: PROMPT.exec(promptLine.text)![1]!.trim(),
    scenario: sectionToMarkdown(scenarioLines),
    requirements,
  })
}
