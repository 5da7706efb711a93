import { parseDocument, stringify } from 'yaml'
import { QuestionSchema, type Question } from './question-schema.js'

/**
 * A question file is Markdown with YAML front matter: every structured field in the front matter,
 * the model answer as the Markdown body. A coach edits it in any editor, code blocks stay fenced
 * Markdown, and diffs stay readable, which a JSON file with escaped newlines would not give.
 */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/

export class QuestionFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`)
    this.name = 'QuestionFileError'
  }
}

/** Parses and validates one question file; throws QuestionFileError naming every problem. */
export function parseQuestionFile(text: string, file: string): Question {
  const match = FRONT_MATTER.exec(text)
  if (!match) throw new QuestionFileError(file, ['expected YAML front matter between --- lines'])
  const doc = parseDocument(match[1] ?? '')
  if (doc.errors.length > 0) {
    throw new QuestionFileError(
      file,
      doc.errors.map((e) => `front matter line ${(e.linePos?.[0].line ?? 0) + 1}: ${e.message}`),
    )
  }
  const front: unknown = doc.toJS()
  const body = (match[2] ?? '').trim()
  const parsed = QuestionSchema.safeParse({
    ...(typeof front === 'object' && front !== null ? front : {}),
    modelAnswer: body,
  })
  if (!parsed.success) {
    throw new QuestionFileError(
      file,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    )
  }
  return parsed.data
}

/** Writes a question as front matter plus Markdown body; parseQuestionFile reads it back equal. */
export function serializeQuestionFile(question: Question): string {
  const { modelAnswer, ...front } = question
  const yaml = stringify(front, { lineWidth: 0, blockQuote: 'literal' })
  return `---\n${yaml}---\n\n${modelAnswer.trim()}\n`
}
