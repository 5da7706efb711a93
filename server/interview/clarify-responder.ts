import type { Question } from '../questions/question-schema.js'
import { splitSentences, type TextAnalyzer } from '../text/index.js'

/** Below this similarity a scenario sentence does not answer the question. */
const MIN_MATCH = 0.2
const MAX_FACTS = 2
const RUNNER_UP = 0.8

/**
 * Answers a clarifying question with the scenario's own facts: the sentences of the prompt,
 * scenario and requirements most similar to the question, in their original order. Only what the
 * candidate could read anyway is ever quoted, so nothing of the model answer can leak.
 */
export function findScenarioFacts(
  question: Question,
  asked: string,
  analyzer: TextAnalyzer,
): string[] {
  const sentences = [question.prompt, question.scenario, ...question.requirements]
    .flatMap((text) => splitSentences(text).map((s) => s.text))
    .filter((s) => analyzer.tokens(s).length >= 2)
  const askedTerms = new Set(analyzer.terms(asked).map((t) => t.stem))
  return (
    sentences
      .map((text, index) => ({
        text,
        index,
        score: analyzer.similarity(asked, text),
        // At least one shared content word: similar-sounding but unrelated sentences answer nothing.
        shares: analyzer.terms(text).some((t) => askedTerms.has(t.stem)),
      }))
      .filter((s) => s.shares && s.score >= MIN_MATCH)
      .sort((a, b) => b.score - a.score)
      // A second fact only when it answers nearly as well as the first, not for one shared word.
      .filter((s, i, all) => i === 0 || s.score >= RUNNER_UP * all[0]!.score)
      .slice(0, MAX_FACTS)
      .sort((a, b) => a.index - b.index)
      .map((s) => s.text)
  )
}
