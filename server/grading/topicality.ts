import type { Question } from '../questions/question-schema.js'
import type { TextAnalyzer } from '../text/text-analyzer.js'
import { createQuestionSideCache } from './question-side-cache.js'

/** The stems of each question's world, built once per question (about a millisecond each time). */
const worldStems = createQuestionSideCache<Set<string>>()

/**
 * The share of the candidate's distinct content words whose stem occurs in the question's world:
 * the question, its scenario, the rubric, the competencies, the framework or the model answer.
 * Soft coverage alone gives a long off-topic answer some credit (every reference word finds a
 * faintly related word somewhere); this measures the answer from its own side, and exactly:
 * word vectors would find some kinship between almost any two texts this long.
 */
export function measureTopicality(
  analyzer: TextAnalyzer,
  question: Question,
  candidateText: string,
): number {
  const context = [
    question.prompt,
    question.scenario,
    ...question.requirements,
    ...question.rubric.map((r) => `${r.name} ${r.description}`),
    ...question.competencies.map((c) => `${c.name} ${c.description}`),
    ...question.framework.steps.map((s) => `${s.name} ${s.description}`),
    question.modelAnswer,
  ].join('\n')
  const known = worldStems(
    analyzer,
    context,
    () => new Set(analyzer.terms(context).map((t) => t.stem)),
  )
  const own = analyzer.terms(candidateText)
  return own.length > 0 ? own.filter((t) => known.has(t.stem)).length / own.length : 0
}
