import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseQuestionFile, QuestionFileError } from './question-file.js'
import type { Difficulty, Question } from './question-schema.js'

export type QuestionFilter = {
  difficulty?: Difficulty
  role?: string
  level?: string
  company?: string
  /** Free text, matched case-insensitively against title, prompt, scenario and competencies. */
  q?: string
}

/** The loaded, validated bank; read-only at run time. */
export class QuestionBank {
  private readonly byId: Map<string, Question>

  constructor(readonly questions: readonly Question[]) {
    this.byId = new Map(questions.map((q) => [q.id, q]))
  }

  get(id: string): Question | undefined {
    return this.byId.get(id)
  }

  list(filter: QuestionFilter = {}): Question[] {
    const has = (haystack: string, needle?: string) =>
      needle === undefined || haystack.toLowerCase().includes(needle.toLowerCase())
    return this.questions.filter(
      (q) =>
        (filter.difficulty === undefined || q.difficulty === filter.difficulty) &&
        has(q.role, filter.role) &&
        has(q.level, filter.level) &&
        (filter.company === undefined || q.companies.some((c) => has(c, filter.company))) &&
        has(searchableText(q), filter.q),
    )
  }
}

function searchableText(q: Question): string {
  return [q.title, q.prompt, q.scenario, ...q.competencies.map((c) => c.name)].join('\n')
}

/** Loads every `*.md` file of a folder; fails on the first invalid file or a duplicate id. */
export async function loadQuestionBank(dir: string): Promise<QuestionBank> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort()
  const questions: Question[] = []
  const seen = new Map<string, string>()
  for (const file of files) {
    const question = parseQuestionFile(await readFile(join(dir, file), 'utf8'), file)
    const other = seen.get(question.id)
    if (other) throw new QuestionFileError(file, [`duplicate id "${question.id}" (also in ${other})`])
    seen.set(question.id, file)
    questions.push(question)
  }
  questions.sort((a, b) => a.number - b.number)
  return new QuestionBank(questions)
}
