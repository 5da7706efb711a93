import type { Question } from '../questions/question-schema.js'
import type { ItemReference, QuestionProfile } from './question-profile.js'
import { createStemmer, splitSentences, type Stemmer, type TextAnalyzer } from '../text/index.js'
import { activitiesOf, DISMISSAL, type StepActivity } from './coverage-cues.js'
import { stepSections } from './coverage-sections.js'
import { contentStems, type KeyConcept } from './key-concepts.js'
import { questionVersion } from './question-version.js'

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
  /** A rubric criterion's: the `step:N` it restates (criterion-credit.ts), whose credit it shares. */
  restates?: string
  /**
   * A rubric criterion's: how much its own text resembles each step (`step:N` -> the step
   * model's chance), whose credit it shares in proportion (criterion-credit.ts).
   */
  resembles?: Readonly<Record<string, number>>
}

/** What the candidate's answers so far covered, recomputed after every answer. */
export type CoverageMap = {
  steps: CoverageItem[]
  criteria: CoverageItem[]
  concepts: CoverageItem[]
}

/**
 * How a passage's evidence for each step becomes the chance that it does that step: a softmax over
 * the question's steps and "none of them". Each step gets z = the weighted sum of its features;
 * "none" gets its own constant, raised by a dismissal ("we should just ...") and by few words, and
 * lowered by a number. The weights are fitted by bench:coverage on the labelled pairs (and, for
 * its honest figure, refitted with each question held out). A passage thus covers the step it
 * does best, and a vague line ("We should use TypeScript and write good tests.") covers none.
 */
export type StepModel = {
  /** Soft recall of the step's name and description (question words demoted). */
  recall: number
  /** Best similarity to a model-answer sentence of the step's section (the profile's exemplars). */
  exemplar: number
  /** Per activity of the step the passage shows (coverage-cues.ts), up to `maxActivities`. */
  activity: number
  /** Share of the passage's words found in the step's text and model-answer section. */
  section: number
  none: number
  noneDismissal: number
  /** Times ln(1 + content words of the passage's longest sentence). */
  noneLength: number
  noneNumber: number
}

/**
 * How scores become decisions. A step's score is the chance that its best passage does it;
 * `partial` is the covered/not decision bench:coverage measures (figures in docs/benchmarks.md).
 */
export type CoverageTuning = {
  partial: number
  full: number
  /** Criteria: weight of similarity to a model-answer sentence of the section; 0 ignores them. */
  exemplarFactor: number
  /**
   * Rubric criteria: a passage supports a criterion only when it scores at least this share of
   * the passage's best criterion.
   */
  competition: number
  maxActivities: number
  stepModel: StepModel
}
// Fitted by bench:coverage on all labelled pairs (it prints them); stems-only analyzer.
// `full` (a step the interviewer no longer asks about) has no labels of its own: it is the lowest
// score whose precision on the labelled pairs is the previous method's at its `full` (0.76), so
// the interviewer skips steps as surely as before (bench:coverage prints both).
export const DEFAULT_COVERAGE_TUNING: CoverageTuning = {
  partial: 0.29,
  full: 0.48,
  exemplarFactor: 0.7,
  competition: 0.8,
  maxActivities: 3,
  stepModel: {
    recall: 4.26,
    exemplar: 1.42,
    activity: 1.47,
    section: 2.51,
    none: 6.03,
    noneDismissal: 1.58,
    noneLength: -1.98,
    noneNumber: -1.5,
  },
}

export type CoverageInput = {
  question: Question
  profile: QuestionProfile
  /** The candidate's answers, oldest first (clarifying questions excluded). */
  answers: readonly string[]
  analyzer: TextAnalyzer
  tuning?: Partial<CoverageTuning>
  /**
   * Scores of (question, item, passage) computed before, with the same analyzer and tuning, the
   * question keyed by its content (questionVersion).
   * Answers accumulate, so after each answer only the new passages need scoring.
   */
  cache?: PassageScoreCache
}

/**
 * Scores by passage, then by what was scored (the question's version, the item and the feature;
 * or a trait of the passage). Two levels, so a lookup hashes the passage once per map and a key
 * built once per item, instead of a fresh string of question, item text and passage per lookup
 * (a quarter of a map's time went to building and hashing those).
 */
export type PassageScoreCache = Map<string, Map<string, number>>

/** The keys of an item's features, built once per item object and question version. */
const ITEM_KEYS = new WeakMap<ItemReference, { version: string; keys: Map<string, string> }>()
function itemKey(item: ItemReference, version: string, name: string): string {
  let entry = ITEM_KEYS.get(item)
  if (!entry || entry.version !== version) {
    entry = { version, keys: new Map() }
    ITEM_KEYS.set(item, entry)
  }
  let key = entry.keys.get(name)
  if (key === undefined) {
    key = `${version}\u0000${item.id}\u0000${item.text}\u0000${name}`
    entry.keys.set(name, key)
  }
  return key
}

/** Computes the coverage map of a question by a candidate's answers. */
export function computeCoverageMap(input: CoverageInput): CoverageMap {
  const tuning = { ...DEFAULT_COVERAGE_TUNING, ...input.tuning }
  const passages = splitPassages(input.answers)
  // Words of the question itself show no knowledge when repeated back, so they count less.
  const demote = `${input.question.prompt}\n${input.question.scenario}`
  const scoresOf = (p: string): Map<string, number> | undefined => {
    if (!input.cache) return undefined
    let scores = input.cache.get(p)
    if (!scores) {
      scores = new Map()
      input.cache.set(p, scores)
    }
    return scores
  }
  const cached = (p: string, key: string, compute: () => number): number => {
    const scores = scoresOf(p)
    const hit = scores?.get(key)
    if (hit !== undefined) return hit
    const value = compute()
    scores?.set(key, value)
    return value
  }
  // By the question's content, not its id: an edited question's scores are not the old ones.
  const version = questionVersion(input.question)
  const criterionName = `criterion\u0000${tuning.exemplarFactor}`
  const criteria = scoreCriteria(input.profile.criteria, passages, tuning, (p, item) =>
    cached(p, itemKey(item, version, criterionName), () =>
      scorePassage(input.analyzer, p, item, demote, tuning),
    ),
  )
  // A passage's traits depend on its text only: the cache keeps them as it keeps its scores.
  const traitsOf = (p: string): PassageTraits => {
    const scores = scoresOf(p)
    const known = TRAIT_KEYS.map((key) => scores?.get(key))
    if (known.every((v) => v !== undefined)) {
      return { dismissal: known[0]!, length: known[1]!, number: known[2]! }
    }
    const traits = passageTraits(p, input.analyzer)
    TRAITS.forEach((name, i) => scores?.set(TRAIT_KEYS[i]!, traits[name]))
    return traits
  }
  const sections = stepSectionsOf(input.question, input.analyzer)
  const steps = input.profile.steps
  const matrix = passages.map((p) => {
    const features = steps.map((item) => {
      const f = (name: string, compute: () => number) =>
        cached(p, itemKey(item, version, name), compute)
      // Less the step's baseline: what the passage shows beyond design talk in general.
      return centred(
        stepFeatures(p, item, {
          analyzer: input.analyzer,
          demote,
          section: sectionOf(item, sections, input.analyzer),
          maxActivities: tuning.maxActivities,
          cached: f,
        }),
        item.baseline,
      )
    })
    return stepChances(features, traitsOf(p), tuning.stepModel)
  })
  return {
    steps: bestPerItem(steps, passages, matrix, tuning),
    criteria,
    concepts: conceptItems(input.profile.concepts, passages),
  }
}

/** The evidence for one step in one passage, as `StepModel` weighs it. */
export type StepFeatures = { recall: number; exemplar: number; activity: number; section: number }
/** What makes a passage likely to do no step at all. */
export type PassageTraits = { dismissal: number; length: number; number: number }
const TRAITS = ['dismissal', 'length', 'number'] as const satisfies ReadonlyArray<
  keyof PassageTraits
>
const TRAIT_KEYS = TRAITS.map((name) => `trait:${name}`)

/** The features of (passage, step); `cached` memoises each by name. */
export function stepFeatures(
  passage: string,
  item: ItemReference,
  context: {
    analyzer: TextAnalyzer
    demote: string
    /** Stems of the step's text and its model-answer section (`sectionStems`). */
    section: ReadonlySet<string>
    maxActivities: number
    cached?: (name: string, compute: () => number) => number
  },
): StepFeatures {
  const { analyzer, demote } = context
  const cached = context.cached ?? ((_: string, compute: () => number) => compute())
  const shown = cached(
    'shown',
    () =>
      activitiesOfItem(item).filter((a) => a.said.test(passage)).length +
      (item.cue?.test(passage) ? 1 : 0),
  )
  return {
    recall: cached(
      'recall',
      () => analyzer.coverage(passage, item.text, { demote, demoteFactor: 0.3 }).score,
    ),
    exemplar: cached('exemplar', () =>
      item.exemplars.reduce((m, e) => Math.max(m, analyzer.similarity(passage, e)), 0),
    ),
    activity: Math.min(shown, context.maxActivities),
    // How much of what the passage says is about this step.
    section: cached('section', () => shareIn(analyzer, passage, context.section, demote)),
  }
}

/** The stems of a step's reference text: what `section` looks the passage's words up in. */
export function sectionStems(analyzer: TextAnalyzer, text: string): Set<string> {
  return new Set(analyzer.terms(text).map((t) => t.stem))
}

/**
 * The weighted share of a passage's words found in a set of stems, question words counting 0.3
 * (all of them in full when the passage has nothing else). Exact stems only: the passage is
 * looked up in a long section, where near-misses would match by chance.
 */
function shareIn(
  analyzer: TextAnalyzer,
  passage: string,
  stems: ReadonlySet<string>,
  demote: string,
): number {
  const terms = analyzer.terms(passage)
  const demoted = new Set(analyzer.terms(demote).map((t) => t.stem))
  const allDemoted = terms.every((t) => demoted.has(t.stem))
  let total = 0
  let found = 0
  for (const t of terms) {
    const w = !allDemoted && demoted.has(t.stem) ? 0.3 * t.weight : t.weight
    total += w
    if (stems.has(t.stem)) found += w
  }
  return total > 0 ? found / total : 0
}

/**
 * A passage's features for a step less the step's baseline (coverage-baseline.ts); as they are
 * when the step has none.
 */
export function centred(features: StepFeatures, baseline: StepFeatures | undefined): StepFeatures {
  if (!baseline) return features
  return {
    recall: features.recall - baseline.recall,
    exemplar: features.exemplar - baseline.exemplar,
    activity: features.activity - baseline.activity,
    section: features.section - baseline.section,
  }
}

/** The traits of a passage; its length is that of its longest sentence (pairs are two). */
export function passageTraits(passage: string, analyzer: TextAnalyzer): PassageTraits {
  const words = Math.max(0, ...splitSentences(passage).map((s) => analyzer.tokens(s.text).length))
  return {
    dismissal: DISMISSAL.test(passage) ? 1 : 0,
    length: Math.log(1 + words),
    number: /\d/.test(passage) ? 1 : 0,
  }
}

/** The chance that the passage does each step, by the softmax of `StepModel`. */
export function stepChances(
  features: readonly StepFeatures[],
  traits: PassageTraits,
  m: StepModel,
): number[] {
  const z = features.map(
    (f) =>
      m.recall * f.recall +
      m.exemplar * f.exemplar +
      m.activity * f.activity +
      m.section * f.section,
  )
  const none =
    m.none +
    m.noneDismissal * traits.dismissal +
    m.noneLength * traits.length +
    m.noneNumber * traits.number
  const top = Math.max(none, ...z)
  const e = z.map((v) => Math.exp(v - top))
  const total = Math.exp(none - top) + e.reduce((a, b) => a + b, 0)
  return e.map((v) => v / total)
}

/** Each item's best passage and its score. */
function bestPerItem(
  items: readonly ItemReference[],
  passages: readonly string[],
  matrix: readonly number[][],
  tuning: CoverageTuning,
): CoverageItem[] {
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

/** Criteria: a passage supports only the criteria within `competition` of its best one. */
function scoreCriteria(
  items: readonly ItemReference[],
  passages: readonly string[],
  tuning: CoverageTuning,
  base: (passage: string, item: ItemReference) => number,
): CoverageItem[] {
  const matrix = passages.map((p) => {
    const raw = items.map((item) => base(p, item))
    const top = Math.max(...raw)
    return raw.map((score) => (score < tuning.competition * top ? 0 : score))
  })
  return bestPerItem(items, passages, matrix, tuning)
}

/** The model-answer sections of a question's steps, found once per question. */
const SECTIONS = new WeakMap<Question, string[][]>()
function stepSectionsOf(question: Question, analyzer: TextAnalyzer): string[][] {
  let found = SECTIONS.get(question)
  if (!found) {
    found = stepSections(question, analyzer)
    SECTIONS.set(question, found)
  }
  return found
}

/**
 * The stems of a step's text and section, found once per item (a drill competency has no
 * section: its exemplars stand in).
 */
const SECTION_STEMS = new WeakMap<ItemReference, Set<string>>()
function sectionOf(
  item: ItemReference,
  sections: readonly string[][],
  analyzer: TextAnalyzer,
): Set<string> {
  let found = SECTION_STEMS.get(item)
  if (!found) {
    found = sectionStems(analyzer, sectionText(item, sections))
    SECTION_STEMS.set(item, found)
  }
  return found
}

/** A step's text and its model-answer section (or its exemplars when it has none), one string. */
export function sectionText(item: ItemReference, sections: readonly string[][]): string {
  const n = /^step:(\d+)$/.exec(item.id)?.[1]
  const section = n ? (sections[Number(n) - 1] ?? []) : []
  return [item.text, ...(section.length > 0 ? section : item.exemplars)].join('\n')
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
 * Sentences and pairs of adjacent sentences of each answer, and the clauses of a sentence that
 * has several. Scoring the best passage rather than the whole transcript keeps a long answer from
 * covering every step a little by sheer vocabulary.
 */
export function splitPassages(answers: readonly string[]): string[] {
  const passages: string[] = []
  for (const answer of answers) {
    const sentences = splitSentences(answer).map((s) => s.text)
    sentences.forEach((s, i) => {
      passages.push(s, ...clausesOf(s))
      const next = sentences[i + 1]
      if (next !== undefined) passages.push(`${s} ${next}`)
    })
  }
  return passages
}

/** A clause shorter than this many words ("Going through the three") is no passage of its own. */
const MIN_CLAUSE_WORDS = 4
/**
 * The clauses of a sentence split at a semicolon or colon ("Expiry is cheap but stale; versioned
 * keys cost a lookup"), when at least two are long enough; none otherwise. A sentence doing two
 * steps splits the softmax's chance between them, so each may fall below the threshold; each
 * clause, doing one, gives its step the chance in full.
 */
export function clausesOf(sentence: string): string[] {
  const clauses = sentence
    .split(/[;:]\s+/)
    .map((c) => c.trim())
    .filter((c) => (c.match(/[\p{L}\p{N}']+/gu)?.length ?? 0) >= MIN_CLAUSE_WORDS)
  return clauses.length >= 2 ? clauses : []
}

/**
 * The content stems of each passage, kept across maps: every answer's map reads all the earlier
 * answers' passages again, and stemming them anew was a quarter of a map's time. Bounded by the
 * characters of the passages kept (a passage may be a whole 16,000-character answer): a busy server
 * forgets old passages, and the stemmer's own cache with them.
 */
const MAX_PASSAGE_STEM_CHARS = 4_000_000
const passageStemCache = new Map<string, ReadonlySet<string>>()
let passageStemChars = 0
let passageStemmer: Stemmer = createStemmer()
function stemsOfPassage(passage: string): ReadonlySet<string> {
  let stems = passageStemCache.get(passage)
  if (!stems) {
    if (passageStemChars + passage.length > MAX_PASSAGE_STEM_CHARS) {
      passageStemCache.clear()
      passageStemChars = 0
      passageStemmer = createStemmer()
    }
    stems = contentStems(passage, passageStemmer)
    passageStemCache.set(passage, stems)
    passageStemChars += passage.length
  }
  return stems
}

/** A concept is covered in full when the answers use all its words, partly when some. */
function conceptItems(
  concepts: readonly KeyConcept[],
  passages: readonly string[],
): CoverageItem[] {
  const passageStems = passages.map(stemsOfPassage)
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
