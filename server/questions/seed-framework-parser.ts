import { failed, parsed, type ParseResult } from './parse-result.js'
import type { Competency, FrameworkStep } from './question-schema.js'
import { isBlank, type SourceLine } from './source-line.js'

const BULLET = /^\s*[•*-]\s+(\S.*?)\s*$/
const NAMED = /^([^:]+?):\s*(\S.*)$/
const FRAMEWORK_NAME = /\bUse the\s+[“"](.+?)[”"]/
const STEP = /^\s*\d+\.\s+(\S.*?)\s*$/
const KEY_PRINCIPLES = /^\s*Key Principles\s*:\s*$/i

/** "1. What is This Question Testing?": bullets `• Name: description`; prose around is context. */
export function parseCompetencies(heading: SourceLine, lines: SourceLine[]): ParseResult<Competency[]> {
  const competencies: Competency[] = []
  for (const line of lines) {
    const bullet = BULLET.exec(line.text)
    if (!bullet) continue
    const named = NAMED.exec(bullet[1]!)
    if (!named) return failed(line.n, 'expected a competency "• Name: description"')
    competencies.push({ name: named[1]!.trim(), description: named[2]!.trim() })
  }
  if (competencies.length === 0) {
    return failed(heading.n, 'expected at least one competency "• Name: description" in this section')
  }
  return parsed(competencies)
}

export type ParsedFramework = { name: string; steps: FrameworkStep[]; keyPrinciples: string[] }

/**
 * A step is `N. Name - description`; some seed questions write `N. Name: description`, so the
 * colon is the fallback separator. Steps are numbered by position: the seed sometimes numbers
 * every item "1." (a Markdown list that lost its numbering).
 */
function parseStep(text: string, number: number): FrameworkStep {
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/.exec(text)
  const colon = NAMED.exec(text)
  const [name, description] = dash ? [dash[1]!, dash[2]!] : colon ? [colon[1]!, colon[2]!] : [text, '']
  return { number, name: name.trim(), description: description.trim() }
}

/** "2. Framework to Answer This Question": the quoted name, numbered steps, key principles. */
export function parseFramework(heading: SourceLine, lines: SourceLine[]): ParseResult<ParsedFramework> {
  const name = lines.map((l) => FRAMEWORK_NAME.exec(l.text)?.[1]).find((n) => n !== undefined)
  const principlesAt = lines.findIndex((l) => KEY_PRINCIPLES.test(l.text))
  const stepLines = principlesAt < 0 ? lines : lines.slice(0, principlesAt)
  const steps = stepLines
    .map((l) => STEP.exec(l.text)?.[1])
    .filter((s): s is string => s !== undefined)
    .map((s, i) => parseStep(s, i + 1))
  if (steps.length === 0) {
    return failed(heading.n, 'expected numbered framework steps "1. Name - description" in this section')
  }
  const keyPrinciples: string[] = []
  for (const line of principlesAt < 0 ? [] : lines.slice(principlesAt + 1)) {
    if (isBlank(line)) continue
    const bullet = BULLET.exec(line.text)
    if (!bullet) return failed(line.n, 'expected a key principle "- principle"')
    keyPrinciples.push(bullet[1]!)
  }
  return parsed({ name: name?.trim() ?? '', steps, keyPrinciples })
}
