import type { Question } from '../questions/question-schema.js'
import type { Turn } from '../sessions/session-schema.js'
import { readConversation, type ConversationMemory } from './conversation-memory.js'
import type { CoverageItem, CoverageMap } from './coverage-map.js'
import { resembledScore } from './criterion-credit.js'
import { classifyStep, type StepKind } from './step-kinds.js'

/** The gap the next follow-up aims at. */
export type Gap = {
  /** `step:N` or `criterion:N`. */
  target: string
  label: string
  kind: StepKind
  /** Its coverage, with the credit of the candidate's replies to questions on it. */
  coverage: CoverageItem
}

export type GapInput = {
  question: Question
  coverage: CoverageMap
  turns: readonly Turn[]
  /** Targets not to pick now (the one the candidate just skipped). */
  exclude?: readonly string[]
  /** Full coverage threshold: a step at or above it is no gap. */
  fullAt: number
  /** Read from `turns` when not given. */
  memory?: ConversationMemory
  /** Steps some substantive answer was mainly about (InterviewContext.answerTopics): dealt with. */
  topics?: readonly string[]
}

/** Share of `full` credited to a target whose question got a short, thin reply. */
const THIN_CREDIT = 0.75
/** A target is not asked about more often than this in a session. */
const MAX_ASKS = 2
/**
 * Below this share of `full` an item counts as untouched. Lower than the coverage map's
 * `partial`: a step the candidate grazed ("I assume 10k per second") is not the next question
 * even when the map does not call it partial yet.
 */
export const TOUCHED = 0.4

/**
 * Picks the next gap, moving through the framework instead of circling one step:
 * - a step the coverage map calls covered (level `partial` or better, `coveredByWords`) is dealt
 *   with: no gap, though short of `full`;
 * - coverage counts the candidate's replies: a reply with substance to a question on X covers X
 *   whatever words it uses (the coverage map only sees words), a thin one covers it partly; and
 *   a reply with substance covers the step it was mainly about, whatever it replied to (the
 *   opening, or a question on another step: candidates do not keep to the framework's order);
 * - a target covered in full is never picked, nor the previous turn's target, nor one already
 *   asked twice;
 * - among the rest, one never asked before first, an untouched one before a grazed one; untouched
 *   ones in the framework's order, so a session reaches the late steps (fix, rollout,
 *   verification) even when the early ones were only grazed; grazed ones least evidence first;
 * - framework steps before rubric criteria. Null when nothing is left to ask about.
 */
export function pickGap(input: GapInput): Gap | null {
  const memory = input.memory ?? readConversation(input.turns)
  const last = lastTarget(input.turns)
  const blocked = new Set([...(input.exclude ?? []), ...(last ? [last] : [])])
  const topics = new Set(input.topics ?? [])
  const steps = input.coverage.steps.map((item) =>
    credited(
      topics.has(item.id) || coveredByWords(item) ? fully(item, input.fullAt) : item,
      memory,
      input.fullAt,
    ),
  )
  const choose = (items: readonly CoverageItem[]) =>
    items
      .map((item, position) => ({ item, position }))
      .filter(({ item }) => item.score < input.fullAt && !blocked.has(item.id))
      .filter(({ item }) => (memory.byTarget.get(item.id)?.asked ?? 0) < MAX_ASKS)
      .sort(
        (a, b) =>
          (memory.byTarget.get(a.item.id)?.asked ?? 0) -
            (memory.byTarget.get(b.item.id)?.asked ?? 0) ||
          touched(a.item, input.fullAt) - touched(b.item, input.fullAt) ||
          leastEvidence(a.item, b.item, input.fullAt) ||
          a.position - b.position,
      )[0]?.item
  // A criterion of the same kind as a covered step ("Explicit Assumptions" after the
  // assumptions step was answered) asks the same thing again: it shares that step's credit.
  const criteria = input.coverage.criteria.map((item) =>
    sharedCredit(credited(item, memory, input.fullAt), steps, input.question, input.fullAt),
  )
  const chosen = choose(steps) ?? choose(criteria)
  if (!chosen) return null
  return {
    target: chosen.id,
    label: chosen.label,
    kind: kindOf(input.question, chosen.id),
    coverage: chosen,
  }
}

/**
 * What to press on once no gap is left and every wrap-up question was asked (a candidate who
 * covered the whole framework early and keeps answering): the step or criterion asked least, then
 * covered least, not asked twice, the previous turn's target aside. Null when there is none.
 */
export function pressingGap(input: Omit<GapInput, 'fullAt' | 'exclude' | 'topics'>): Gap | null {
  const memory = input.memory ?? readConversation(input.turns)
  const last = lastTarget(input.turns)
  const asked = (id: string) => memory.byTarget.get(id)?.asked ?? 0
  const item = [...input.coverage.steps, ...input.coverage.criteria]
    .filter((i) => i.id !== last && asked(i.id) < MAX_ASKS)
    .sort((a, b) => asked(a.id) - asked(b.id) || a.score - b.score)[0]
  if (!item) return null
  return {
    target: item.id,
    label: item.label,
    kind: kindOf(input.question, item.id),
    coverage: item,
  }
}

/** The item with the credit of the replies to questions on it. */
export function credited(
  item: CoverageItem,
  memory: ConversationMemory,
  fullAt: number,
): CoverageItem {
  const best = memory.byTarget.get(item.id)?.best
  const credit = best === 'substantive' ? fullAt : best === 'thin' ? THIN_CREDIT * fullAt : 0
  if (credit <= item.score) return item
  return { ...item, score: credit, level: credit >= fullAt ? 'full' : 'partial' }
}

/**
 * The coverage map's own covered decision, by the candidate's words: level `partial` or better
 * (the map's `partial` threshold is the covered / not-covered decision bench:coverage fits and
 * measures). Below `full` a step used to stay a gap, asked once the untouched ones were; on the
 * labelled answers of bench:coverage (shipped weights, one answer at a time) a step scored 0.3-0.45
 * was covered in 28 of 50 pairs (8 of 13 on the fresh set), the step an answer scored second
 * best as often as its best one, so asking about it was more often redundant than not ("What
 * triggers a rollback at that stage?" after the candidate's preparation phase, which the map
 * scored 0.33, second to the sync phase it also named). A step scored below (touched, 0.18-0.3:
 * covered in 22 of 79) stays a gap. Thin credit from a short reply sets no level here: it is added
 * later (`credited`) and leaves the step open.
 */
export function coveredByWords(item: CoverageItem): boolean {
  return item.level !== 'none'
}

function fully(item: CoverageItem, fullAt: number): CoverageItem {
  return item.score >= fullAt ? item : { ...item, score: fullAt, level: 'full' }
}

/**
 * Among touched items, the one with less evidence first: the map's score is the chance that the
 * candidate's best passage does the step, and on the labelled answers of bench:coverage a step
 * scored 0.18-0.3 was covered a third of the time, one scored 0.3-0.45 more than half. Asking
 * about the likelier gap first spends fewer follow-ups on ground already covered. Untouched items
 * (covered 4% of the time whatever their score) keep the framework's order.
 */
function leastEvidence(a: CoverageItem, b: CoverageItem, fullAt: number): number {
  return touched(a, fullAt) === 1 ? a.score - b.score : 0
}

function touched(item: CoverageItem, fullAt: number): number {
  return item.score >= touchedAt(fullAt) ? 1 : 0
}

/**
 * The touched level, to the map's precision (scores are rounded to thousandths): 0.4 x 0.45 is
 * 0.18000000000000002 in floating point, which a step scored 0.18 would otherwise fall short of.
 */
export function touchedAt(fullAt: number): number {
  return Math.round(TOUCHED * fullAt * 1000) / 1000
}

/**
 * A criterion scored at least as the step it restates (criterion-credit.ts), as its
 * best-covered step of the same (specific) kind, and as the steps its text resembles, in
 * proportion (`resembledScore`), all with the credit of the candidate's replies.
 */
function sharedCredit(
  criterion: CoverageItem,
  steps: readonly CoverageItem[],
  question: Question,
  fullAt: number,
): CoverageItem {
  const kind = kindOf(question, criterion.id)
  const best = steps
    .filter(
      (s) => s.id === criterion.restates || (kind !== 'general' && kindOf(question, s.id) === kind),
    )
    .reduce<CoverageItem | null>((a, s) => (a && a.score >= s.score ? a : s), null)
  const byId = new Map(steps.map((s) => [s.id, s.score]))
  const spread = resembledScore(criterion.resembles, (id) => byId.get(id) ?? 0)
  if (best && best.score >= spread) {
    if (best.score <= criterion.score) return criterion
    return { ...criterion, score: best.score, level: best.level }
  }
  if (spread <= criterion.score) return criterion
  // The level stays the criterion's own below full: its evidence (for a quote) is its own.
  return { ...criterion, score: spread, level: spread >= fullAt ? 'full' : criterion.level }
}

/** The step kind of a `step:N` or `criterion:N` target. */
export function kindOf(question: Question, target: string): StepKind {
  const [type, raw] = target.split(':')
  const n = Number(raw)
  if (type === 'step') {
    const step = question.framework.steps.find((s) => s.number === n)
    return step ? classifyStep(step) : 'general'
  }
  if (type === 'criterion') {
    const c = question.rubric[n - 1]
    return c ? classifyStep(c) : 'general'
  }
  return 'general'
}

/** The target of the latest interviewer turn that had one. */
export function lastTarget(turns: readonly Turn[]): string | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!
    if (t.role === 'interviewer' && t.kind !== 'clarification') return t.target
  }
  return null
}
