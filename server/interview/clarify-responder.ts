import type { Question } from '../questions/question-schema.js'
import { splitSentences, type TextAnalyzer } from '../text/index.js'

/**
 * A scenario sentence answers a clarifying question when it covers at least this share of the
 * question's content words (soft recall, weighted): "How many users does the system have?" is
 * answered by "a notification system for 50 million users" (all of them), not by "P95: 200ms"
 * for "is the 200 ms measured at the server or the load balancer?" (one word of six).
 */
const MIN_RECALL = 0.4
const MAX_FACTS = 2
/** A second fact only when it answers nearly as well as the first. */
const RUNNER_UP = 0.8

/** "How many / how long / what is the size of": the answer has to hold a number. */
const ASKS_NUMBER =
  /\bhow (many|much|long|big|large|fast|often|old)\b|\bwhat('s| is| are)? (the )?(size|number|volume|rate|budget|scale|latency|count|deadline|timeline|sla|slo|throughput)\b/i
/** "... A or B?": the answer has to name one of them. */
const ALTERNATIVES =
  /\b([\p{L}\p{N}-]+)\s+or\s+(?:the\s+|a\s+|an\s+)?([\p{L}\p{N}-]+(?:\s+[\p{L}\p{N}-]+)?)\s*\?/iu

/**
 * The scenario's facts that answer a clarifying question, in their original order, or none when
 * the scenario does not say (the interviewer then asks the candidate to state an assumption).
 * Only what the candidate could read anyway is ever quoted, so nothing of the model answer leaks.
 */
export function findScenarioFacts(
  question: Question,
  asked: string,
  analyzer: TextAnalyzer,
): string[] {
  const sentences = [question.prompt, question.scenario, ...question.requirements]
    .flatMap((text) => splitSentences(text).map((s) => s.text))
    .filter((s) => analyzer.tokens(s).length >= 2)
  const askedStems = new Set(analyzer.terms(asked).map((t) => t.stem))
  const needsNumber = ASKS_NUMBER.test(asked)
  const alternatives = ALTERNATIVES.exec(asked)
  const options = alternatives
    ? [alternatives[1]!, alternatives[2]!].map((o) => new Set(analyzer.terms(o).map((t) => t.stem)))
    : []
  const answers = (text: string) => {
    const stems = new Set(analyzer.terms(text).map((t) => t.stem))
    if (![...askedStems].some((s) => stems.has(s))) return false
    if (needsNumber && !/\d/.test(text)) return false
    // "server or load balancer?" is answered by a sentence that names one of them.
    return options.length === 0 || options.some((o) => [...o].some((s) => stems.has(s)))
  }
  return sentences
    .map((text, index) => ({ text, index, score: analyzer.coverage(text, asked).score }))
    .filter((s) => s.score >= MIN_RECALL && answers(s.text))
    .sort((a, b) => b.score - a.score)
    .filter((s, i, all) => i === 0 || s.score >= RUNNER_UP * all[0]!.score)
    .slice(0, MAX_FACTS)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.text)
}
