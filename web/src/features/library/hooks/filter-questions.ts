import type { QuestionListing } from '../../../shared/contract/question-contract.js'

export type QuestionFilters = {
  difficulty: string
  role: string
  level: string
  company: string
  text: string
}

export const emptyFilters: QuestionFilters = {
  difficulty: '',
  role: '',
  level: '',
  company: '',
  text: '',
}

const fold = (text: string) => text.toLocaleLowerCase('en-US')

/**
 * The cards matching every set filter; every word of the text must occur in the title, prompt,
 * role, competencies, topics or companies.
 */
export function filterQuestions(
  questions: QuestionListing[],
  filters: QuestionFilters,
): QuestionListing[] {
  const words = fold(filters.text).split(/\s+/).filter(Boolean)
  return questions.filter((q) => {
    if (filters.difficulty && q.difficulty !== filters.difficulty) return false
    if (filters.role && q.role !== filters.role) return false
    if (filters.level && q.level !== filters.level) return false
    if (filters.company && !q.companies.includes(filters.company)) return false
    const haystack = fold(
      [q.title, q.prompt, q.role, ...q.competencies, ...q.topics, ...q.companies].join('\n'),
    )
    return words.every((word) => haystack.includes(word))
  })
}

/** The distinct values of each filter, sorted, to fill the selects. */
export function filterOptions(questions: QuestionListing[]) {
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b))
  const difficultyOrder = ['Low', 'Medium', 'High', 'Very High']
  return {
    difficulty: difficultyOrder.filter((d) => questions.some((q) => q.difficulty === d)),
    role: sorted(questions.map((q) => q.role)),
    level: sorted(questions.map((q) => q.level)),
    company: sorted(questions.flatMap((q) => q.companies)),
  }
}

/** "Surprise me": one of the matching questions, chosen by `random` in [0, 1). */
export function pickSurprise<T>(questions: T[], random: () => number): T | null {
  if (questions.length === 0) return null
  return questions[Math.min(questions.length - 1, Math.floor(random() * questions.length))]!
}
