import type { Question } from '../questions/question-schema.js'
import { splitSentences, stripFencedCode, type TextAnalyzer } from '../text/index.js'
import { sectionStems, sectionText, stepFeatures, type StepFeatures } from './coverage-map.js'
import { stepSections } from './coverage-sections.js'
import type { ItemReference } from './question-profile.js'

/** Background sentences a step's baseline is measured on: enough for a stable mean, bounded cost. */
export const MAX_BACKGROUND_SENTENCES = 240
/** Shorter lines ("Option B:", "Week 2-3") say nothing a candidate's answer would. */
const MIN_BACKGROUND_WORDS = 6

/**
 * The sentences of the other questions' model answers (fenced code left out), evenly spaced
 * through the bank to at most `MAX_BACKGROUND_SENTENCES`: text about system design that does none
 * of this question's steps. Empty when the bank holds no other question.
 */
export function backgroundSentences(
  question: Question,
  bank: readonly Question[],
  analyzer: TextAnalyzer,
): string[] {
  const all = bank
    .filter((q) => q.id !== question.id)
    .flatMap((q) => splitSentences(stripFencedCode(q.modelAnswer)).map((s) => s.text))
    .filter((text) => analyzer.tokens(text).length >= MIN_BACKGROUND_WORDS)
  if (all.length <= MAX_BACKGROUND_SENTENCES) return all
  return Array.from(
    { length: MAX_BACKGROUND_SENTENCES },
    (_, i) => all[Math.floor((i * all.length) / MAX_BACKGROUND_SENTENCES)]!,
  )
}

/**
 * Each step's baseline: the mean of its features (coverage-map.ts `stepFeatures`) over the
 * background sentences. Some steps' words are common in any design talk ("Risk Analysis",
 * "Implementation Strategy"), so any sentence scores on them; the coverage map subtracts the
 * baseline, and a step then scores by what a passage shows beyond what design talk in general
 * shows. Zeros when there is no background. Measured by bench:coverage (docs/benchmarks.md
 * "Coverage map"). Costs tens to a few hundred ms per question, once, when its profile is built.
 */
export function stepBaselines(
  items: readonly ItemReference[],
  question: Question,
  background: readonly string[],
  analyzer: TextAnalyzer,
  maxActivities: number,
): StepFeatures[] {
  const sections = stepSections(question, analyzer)
  const demote = `${question.prompt}\n${question.scenario}`
  return items.map((item) => {
    const mean: StepFeatures = { recall: 0, exemplar: 0, activity: 0, section: 0 }
    if (background.length === 0) return mean
    const context = {
      analyzer,
      demote,
      section: sectionStems(analyzer, sectionText(item, sections)),
      maxActivities,
    }
    for (const text of background) {
      const f = stepFeatures(text, item, context)
      mean.recall += f.recall
      mean.exemplar += f.exemplar
      mean.activity += f.activity
      mean.section += f.section
    }
    const n = background.length
    return {
      recall: mean.recall / n,
      exemplar: mean.exemplar / n,
      activity: mean.activity / n,
      section: mean.section / n,
    }
  })
}
