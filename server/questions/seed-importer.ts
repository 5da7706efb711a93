import { sectionToMarkdown } from './code-block-detection.js'
import { detectIncomplete } from './incomplete-detection.js'
import type { ParseResult } from './parse-result.js'
import { QuestionSchema, type Question } from './question-schema.js'
import { splitQuestions, splitSections, type QuestionChunk } from './seed-sections.js'
import { parseCompetencies, parseFramework } from './seed-framework-parser.js'
import { parseIntro } from './seed-intro-parser.js'
import { parseScore } from './seed-score-parser.js'
import { slugifyTitle } from './slugify-title.js'
import { toSourceLines, trimBlankLines, type ImportError } from './source-line.js'

export type ImportResult = { ok: true; questions: Question[] } | { ok: false; errors: ImportError[] }

const ANSWER_LABEL = /^\s*Answer\s*:\s*$/i

function parseChunk(chunk: QuestionChunk): ParseResult<Question> {
  const split = splitSections(chunk)
  if (!split.ok) return { ok: false, errors: [split.error] }
  const { intro, sections } = split.value
  const introResult = parseIntro(chunk.header, intro, sections.testing.heading)
  if (!introResult.ok) return introResult
  const competencies = parseCompetencies(sections.testing.heading, sections.testing.lines)
  if (!competencies.ok) return competencies
  const framework = parseFramework(sections.framework.heading, sections.framework.lines)
  if (!framework.ok) return framework
  const score = parseScore(sections.score.heading, sections.score.lines)
  if (!score.ok) return score

  let answerLines = trimBlankLines(sections.answer.lines)
  if (answerLines[0] && ANSWER_LABEL.test(answerLines[0].text)) answerLines = answerLines.slice(1)
  const id = slugifyTitle(chunk.title)
  if (id === '') return { ok: false, errors: [{ line: chunk.header.n, message: 'expected a title with letters or digits' }] }
  const draft = {
    id,
    number: chunk.number,
    title: chunk.title,
    ...introResult.value,
    competencies: competencies.value,
    framework: framework.value,
    modelAnswer: sectionToMarkdown(answerLines),
    ...score.value,
  }
  const result = QuestionSchema.safeParse({ ...draft, incomplete: detectIncomplete(draft) })
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    return { ok: false, errors: [{ line: chunk.header.n, message: `question ${chunk.number} is invalid: ${problems.join('; ')}` }] }
  }
  return { ok: true, value: result.data }
}

/**
 * Reads a document in the seed's format (shared/seed/interview-questions.txt) into validated
 * questions. Pure: it reads nothing and writes nothing. Every problem comes back with the line
 * it was found at; one bad question does not hide the problems of the others.
 */
export function importSeedDocument(text: string): ImportResult {
  const chunks = splitQuestions(toSourceLines(text))
  if (chunks.length === 0) {
    return { ok: false, errors: [{ line: 1, message: 'expected at least one question header "Question N: Title"' }] }
  }
  const errors: ImportError[] = []
  const questions: Question[] = []
  const ids = new Map<string, number>()
  const numbers = new Map<number, number>()
  for (const chunk of chunks) {
    const result = parseChunk(chunk)
    if (!result.ok) {
      errors.push(...result.errors)
      continue
    }
    const { id, number } = result.value
    const line = chunk.header.n
    if (ids.has(id)) errors.push({ line, message: `duplicate id "${id}": the title at line ${ids.get(id)} gives the same id` })
    else if (numbers.has(number)) errors.push({ line, message: `duplicate question number ${number} (also at line ${numbers.get(number)})` })
    ids.set(id, ids.get(id) ?? line)
    numbers.set(number, numbers.get(number) ?? line)
    questions.push(result.value)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, questions }
}
