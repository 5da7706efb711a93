import type { Question } from '../questions/question-schema.js'
import { splitSentences, type TextAnalyzer } from '../text/index.js'
import { useScenarioAcronyms, useSentenceSynonyms } from './clarify-wording.js'

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
/** "... A or B?": the answer has to name one of them (A: the word before "or"; B: all after). */
const ALTERNATIVES = /([\p{L}\p{N}-]+)[\s,]+or\s+([^?]+)\?/iu
/**
 * "Which <thing> do we use?", "What <thing> are we running?": the answer has to name the thing
 * asked for (a version, a vendor), not merely share the question's other words ("Redis").
 */
const WHICH_THING =
  /\b(?:which|what)\s+(?:[\p{L}\p{N}-]+\s+){0,3}?([\p{L}\p{N}-]+)\s+(?:do|does|did|are|is|was|were|will|would|should|can|have|has)\b/iu

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
  const sources = [question.prompt, question.scenario, ...question.requirements]
  const sentences = sources
    .flatMap((text) => splitSentences(text).map((s) => s.text))
    .filter((s) => analyzer.tokens(s).length >= 2)
  const reworded = useScenarioAcronyms(asked, sources.join('\n'))
  const stemsOf = (text: string) => new Set(analyzer.terms(text).map((t) => t.stem))
  const needsNumber = ASKS_NUMBER.test(reworded)
  const alternatives = ALTERNATIVES.exec(reworded)
  const options = alternatives
    ? [stemsOf(alternatives[1]!), stemsOf(alternatives[2]!)].filter((o) => o.size > 0)
    : []
  const thing = needsNumber || alternatives ? null : WHICH_THING.exec(reworded)?.[1]
  const thingStems = thing ? stemsOf(thing) : new Set<string>()
  const answers = (text: string, wording: string) => {
    const stems = stemsOf(text)
    if (![...stemsOf(wording)].some((s) => stems.has(s))) return false
    if (needsNumber && !/\d/.test(text)) return false
    if ([...thingStems].some((s) => !stems.has(s))) return false
    // "server or load balancer?" is answered by a sentence that names one of them.
    return options.length === 0 || options.some((o) => [...o].some((s) => stems.has(s)))
  }
  return sentences
    .map((text, index) => {
      const wording = useSentenceSynonyms(reworded, text)
      return { text, index, wording, score: analyzer.coverage(text, wording).score }
    })
    .filter((s) => s.score >= MIN_RECALL && answers(s.text, s.wording))
    .sort((a, b) => b.score - a.score)
    .filter((s, i, all) => i === 0 || s.score >= RUNNER_UP * all[0]!.score)
    .slice(0, MAX_FACTS)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.text)
}
