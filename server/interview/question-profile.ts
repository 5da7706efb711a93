import type { Question } from '../questions/question-schema.js'
import { splitSentences, stripFencedCode, type TextAnalyzer } from '../text/index.js'
import { classifyStep, cueOf } from './step-kinds.js'
import { extractKeyConcepts, type KeyConcept } from './key-concepts.js'
import { backgroundSentences, stepBaselines } from './coverage-baseline.js'
import { DEFAULT_COVERAGE_TUNING, type StepFeatures } from './coverage-map.js'

/** What a coverage item is matched against: its own words plus sentences of the model answer. */
export type ItemReference = {
  id: string
  label: string
  /** The item's own text (step name and description, criterion name and description). */
  text: string
  /** Model-answer sentences of the section that works this item out; never shown to anyone. */
  exemplars: string[]
  /**
   * How much the item matters. Steps: 1 plus their similarity to the rubric, weighted by the
   * criteria's weights (in [1, 2]), so the interviewer presses first on what is scored. Criteria:
   * their rubric weight.
   */
  weight: number
  /** Words that show the candidate doing this item (by its step kind); null for none. */
  cue: RegExp | null
  /**
   * A framework step's: its features' mean on other questions' model-answer sentences
   * (coverage-baseline.ts), which the coverage map subtracts; none for criteria and drill items
   * built without the bank.
   */
  baseline?: StepFeatures
}

/** Per-question data the coverage map needs, computed once per question and reused. */
export type QuestionProfile = {
  steps: ItemReference[]
  criteria: ItemReference[]
  concepts: KeyConcept[]
}

/** A paragraph joins the step it matches best when it matches it at least this much. */
const MIN_SECTION_MATCH = 0.3
/** Shorter sentences ("Monolith hidden costs:") match anything a little and teach nothing. */
const MIN_EXEMPLAR_WORDS = 5
const MAX_EXEMPLARS = 12

/**
 * Builds the profile of a question. Each paragraph of the model answer goes to the framework step
 * it covers best, when it covers one clearly enough; its sentences become that step's exemplars.
 */
export function buildQuestionProfile(
  question: Question,
  bank: readonly Question[],
  analyzer: TextAnalyzer,
): QuestionProfile {
  const steps = question.framework.steps.map((s) => ({
    id: `step:${s.number}`,
    label: s.name,
    text: `${s.name}. ${s.description}`,
    exemplars: [] as string[],
    weight: 1 + rubricRelevance(analyzer, `${s.name}. ${s.description}`, question),
    cue: cueOf(classifyStep(s)),
  }))
  const paragraphs = stripFencedCode(question.modelAnswer)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}]/u.test(p))
  for (const paragraph of paragraphs) {
    let best: { score: number; step: (typeof steps)[number] | undefined } = {
      score: 0,
      step: undefined,
    }
    for (const step of steps) {
      const score = analyzer.coverage(paragraph, step.text).score
      if (score > best.score) best = { score, step }
    }
    const step = best.step
    if (!step || best.score < MIN_SECTION_MATCH) continue
    for (const sentence of splitSentences(paragraph)) {
      const long = analyzer.tokens(sentence.text).length >= MIN_EXEMPLAR_WORDS
      if (long && step.exemplars.length < MAX_EXEMPLARS) step.exemplars.push(sentence.text)
    }
  }
  // After the exemplars: the baseline's exemplar feature reads them.
  const baselines = stepBaselines(
    steps,
    question,
    backgroundSentences(question, bank, analyzer),
    analyzer,
    DEFAULT_COVERAGE_TUNING.maxActivities,
  )
  return {
    steps: steps.map((step, j) => ({ ...step, baseline: baselines[j]! })),
    criteria: question.rubric.map((c, i) => ({
      id: `criterion:${i + 1}`,
      label: c.name,
      text: `${c.name}. ${c.description}`,
      exemplars: [],
      weight: c.weight,
      cue: null,
    })),
    concepts: extractKeyConcepts(question, bank, 12, undefined, (w) => rarityOf(analyzer, w)),
  }
}

/** How rare a word is in general English, from the analyzer's term weight, in (0, 1]. */
function rarityOf(analyzer: TextAnalyzer, word: string): number {
  return analyzer.terms(word)[0]?.weight ?? 1
}

/** Weighted mean similarity of a text to the rubric's criteria, in [0, 1]. */
function rubricRelevance(analyzer: TextAnalyzer, text: string, question: Question): number {
  let total = 0
  let sum = 0
  for (const c of question.rubric) {
    total += c.weight
    sum += c.weight * analyzer.similarity(text, `${c.name}. ${c.description}`)
  }
  return total > 0 ? sum / total : 0
}
