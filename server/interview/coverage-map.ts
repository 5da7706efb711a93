import type { Question } from '../questions/question-schema.js'
import type { ItemReference, QuestionProfile } from './question-profile.js'
import { createStemmer, splitSentences, type Stemmer, type TextAnalyzer } from '../text/index.js'
import { activitiesOf, DISMISSAL, type StepActivity } from './coverage-cues.js'
import { contentStems, type KeyConcept } from './key-concepts.js'

/** How well the candidate's answers so far cover one item of the question. */
export const COVERAGE_LEVELS = ['none', 'partial', 'full'] as const
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number]

/** One framework step, rubric criterion or key concept, with the candidate's best evidence. */
export type CoverageItem = {
  /** `step:N`, `criterion:N` (1-based) or `concept:<text>`: the vocabulary of turn targets. */
  id: string
  label: string
  /** In [0, 1]: the best soft recall of the item by one passage of the candidate's answers. */
  score: number
  level: CoverageLevel
  /** The candidate's own sentence that scored best, for quoting back; null when none scored. */
  evidence: string | null
}

/** What the candidate's answers so far covered, recomputed after every answer. */
export type CoverageMap = {
  steps: CoverageItem[]
  criteria: CoverageItem[]
  concepts: CoverageItem[]
}

/**
 * How scores become decisions. Chosen on the hand-labelled pairs of bench/coverage-benchmark.ts
 * (figures in docs/benchmarks.md, with every constant also chosen with the question held out):
 * `partial` is the covered/not decision the benchmark measures.
 */
export type CoverageTuning = {
  partial: number
  full: number
  /** Weight of similarity to a model-answer sentence of the step's section; 0 ignores them. */
  exemplarFactor: number
  /**
   * Rubric criteria: a passage supports a criterion only when it scores at least this share of
   * the passage's best criterion.
   */
  competition: number
  /**
   * Steps: added per activity of the step that the passage shows (coverage-cues.ts: "we only move
   * on if errors stay under..." for stage gates), or the cue words of its step kind, up to
   * `maxActivities` of them.
   */
  activityBonus: number
  maxActivities: number
  /**
   * Steps: the share of the passage's best other step taken off a step's score. A passage does
   * one or two things; what it does best is what it covers, not every step it brushes against.
   */
  rivalry: number
  /** Steps: the factor on a passage that dismisses rather than does ("we should just ..."). */
  dismissal: number
  /**
   * Steps: the factor from a passage's step score (after rivalry, mostly under 0.3) to the scale
   * `partial` and `full` are on, shared with the criteria (the covered/not line at 0.12 maps to
   * 0.34); scores stop at 1.
   */
  stepScale: number
}
// Measured with a stems-only analyzer (interview-runtime.ts builds the tracker with one): word
// vectors lost about 0.1 F1 on the labelled set. `full` has no labels to be chosen on.
export const DEFAULT_COVERAGE_TUNING: CoverageTuning = {
  partial: 0.34,
  full: 0.5,
  exemplarFactor: 0.7,
  competition: 0.8,
  activityBonus: 0.1,
  maxActivities: 3,
  rivalry: 0.5,
  dismissal: 0.7,
  stepScale: 2.8,
}

export type CoverageInput = {
  question: Question
  profile: QuestionProfile
  /** The candidate's answers, oldest first (clarifying questions excluded). */
  answers: readonly string[]
  analyzer: TextAnalyzer
  tuning?: Partial<CoverageTuning>
  /**
   * Scores of (question, item, passage) computed before, with the same analyzer and tuning.
   * Answers accumulate, so after each answer only the new passages need scoring.
   */
  cache?: Map<string, number>
}

/** Computes the coverage map of a question by a candidate's answers. */
export function computeCoverageMap(input: CoverageInput): CoverageMap {
  const tuning = { ...DEFAULT_COVERAGE_TUNING, ...input.tuning }
  const passages = splitPassages(input.answers)
  // Words of the question itself show no knowledge when repeated back, so they count less.
  const demote = `${input.question.prompt}\n${input.question.scenario}`
  const baseOf = (p: string, item: ItemReference): number => {
    const key = `${input.question.id}\u0000${item.id}\u0000${tuning.exemplarFactor}\u0000${p}`
    const cached = input.cache?.get(key)
    if (cached !== undefined) return cached
    const score = scorePassage(input.analyzer, p, item, demote, tuning)
    input.cache?.set(key, score)
    return score
  }
  const scoreItems = (items: readonly ItemReference[], kind: 'steps' | 'criteria') => {
    const activities = items.map((item) => activitiesOfItem(item))
    const matrix = passages.map((p) => {
      const raw = items.map((item, j) => {
        const base = baseOf(p, item)
        if (kind === 'criteria') return base
        const shown =
          activities[j]!.filter((a) => a.said.test(p)).length + (item.cue?.test(p) ? 1 : 0)
        return base + tuning.activityBonus * Math.min(shown, tuning.maxActivities)
      })
      if (kind === 'steps' && tuning.dismissal < 1 && DISMISSAL.test(p)) {
        for (let j = 0; j < raw.length; j++) raw[j] = raw[j]! * tuning.dismissal
      }
      if (kind === 'criteria') {
        // A passage supports only the criteria within `competition` of its best one.
        const top = Math.max(...raw)
        return raw.map((score) => (score < tuning.competition * top ? 0 : score))
      }
      return raw.map((score, j) => {
        const rival = Math.max(0, ...raw.filter((_, k) => k !== j))
        return Math.min(1, Math.max(0, tuning.stepScale * (score - tuning.rivalry * rival)))
      })
    })
    return items.map((item, j): CoverageItem => {
      let best = { score: 0, evidence: null as string | null }
      matrix.forEach((row, i) => {
        const score = row[j]!
        if (score > 0 && score > best.score + 1e-9) best = { score, evidence: passages[i] ?? null }
      })
      const score = round(best.score)
      return {
        id: item.id,
        label: item.label,
        score,
        evidence: best.evidence,
        level: levelOf(score, tuning),
      }
    })
  }
  return {
    steps: scoreItems(input.profile.steps, 'steps'),
    criteria: scoreItems(input.profile.criteria, 'criteria'),
    concepts: conceptItems(input.profile.concepts, passages, createStemmer()),
  }
}

/** The activities of an item, found once per item (profiles are built once per question). */
const ACTIVITIES = new WeakMap<ItemReference, StepActivity[]>()
function activitiesOfItem(item: ItemReference): StepActivity[] {
  let found = ACTIVITIES.get(item)
  if (!found) {
    found = activitiesOf(item.text)
    ACTIVITIES.set(item, found)
  }
  return found
}

/**
 * How well one passage covers an item: the soft recall of the item's own words, or the
 * similarity to a sentence of the model answer's section on it (a candidate rarely says
 * "assumptions" when stating them, but says what the model answer's assumptions say).
 */
function scorePassage(
  analyzer: TextAnalyzer,
  passage: string,
  item: ItemReference,
  demote: string,
  tuning: CoverageTuning,
): number {
  let score = analyzer.coverage(passage, item.text, { demote, demoteFactor: 0.3 }).score
  if (tuning.exemplarFactor > 0) {
    for (const exemplar of item.exemplars) {
      score = Math.max(score, tuning.exemplarFactor * analyzer.similarity(passage, exemplar))
    }
  }
  return score
}

export function levelOf(score: number, t: { partial: number; full: number }): CoverageLevel {
  if (score >= t.full) return 'full'
  return score >= t.partial ? 'partial' : 'none'
}

/**
 * Sentences and pairs of adjacent sentences of each answer. Scoring the best passage rather than
 * the whole transcript keeps a long answer from covering every step a little by sheer vocabulary.
 */
export function splitPassages(answers: readonly string[]): string[] {
  const passages: string[] = []
  for (const answer of answers) {
    const sentences = splitSentences(answer).map((s) => s.text)
    sentences.forEach((s, i) => {
      passages.push(s)
      const next = sentences[i + 1]
      if (next !== undefined) passages.push(`${s} ${next}`)
    })
  }
  return passages
}

/** A concept is covered in full when the answers use all its words, partly when some. */
function conceptItems(
  concepts: readonly KeyConcept[],
  passages: readonly string[],
  stem: Stemmer,
): CoverageItem[] {
  const passageStems = passages.map((p) => contentStems(p, stem))
  const all = new Set(passageStems.flatMap((s) => [...s]))
  return concepts.map((concept) => {
    const hits = concept.stems.filter((s) => all.has(s))
    const score = concept.stems.length > 0 ? hits.length / concept.stems.length : 0
    const at = passageStems.findIndex((set) => hits.some((s) => set.has(s)))
    const level: CoverageLevel = score >= 1 ? 'full' : score > 0 ? 'partial' : 'none'
    return {
      id: `concept:${concept.text}`,
      label: concept.text,
      score: round(score),
      level,
      evidence: at >= 0 ? (passages[at] ?? null) : null,
    }
  })
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
