import type { Question } from '../questions/question-schema.js'
import type { TextAnalyzer } from '../text/text-analyzer.js'
import { stripFencedCode } from '../text/fenced-code.js'
import { splitSentences } from '../text/tokenize.js'
import { createQuestionSideCache } from './question-side-cache.js'
import { lowerCaseWords, phrasePoint } from './point-phrase.js'

/** A point needs this many words to say something a candidate can act on... */
const MIN_POINT_WORDS = 3
/** ...and no more than this, or it is a paragraph, not a point. */
const MAX_POINT_WORDS = 16
/**
 * A point counts as reached (so it is not named as missing, nor advised) when the candidate's
 * words cover this share of its content words, read with the question's words demoted or not,
 * whichever is higher: "add new fields alongside old" is made of the question's own words, and a
 * candidate who says "ship the new fields next to the old ones" has made it.
 */
const REACHED = 0.5
/**
 * A point is said to be covered (listed under "Covered" and in strengths) only when the words
 * beyond the question's reach this share of it, and the figures it states are said too: a
 * strength must be something the candidate said. Chosen on the feedback labels of questions 1-7
 * (bench/feedback-labels.txt): from 0.5 to 0.7 the covered points the candidate had not made
 * fell from 16% to 2% there (held out, questions 8-15: 17% to 4%; npm run bench:feedback).
 */
const COVERED = 0.7
/** ...and when this share of its words is matched by the criterion's description. */
const MIN_RELATEDNESS = 0.3
/** How many points "missing" names: the two most related to the criterion. */
const MAX_POINTS = 2

// Labels that head a point in the model answer ("Fix:", "Cause 2:", "Minutes 0-3:", "Step 1 -").
const LABEL =
  /^(?:[-*•>#\d.)\s]+)?(?:(?:fix|cause|step|phase|minutes?|diagnostic|option|why|how|what|goal|result|target|note)\b[^:]{0,20}:\s*|[A-Z][\w /&-]{0,30}:\s+)/i

/**
 * Whether a text says a figure the point states, one at least ("90% of known
 * partners migrated" is not covered by an answer that never says 90%). A point without figures
 * passes. The figures the question itself gives (`asked`) are no sign of the point when it states
 * others: "10TB takes 2-7 days to copy" is not covered by an answer that restates the 10 TB and
 * never says how long (held out, questions 8-15: "Covered" points not made 5 of 75 -> 4 of 73;
 * the tuning questions' 2 of 67 unchanged; npm run bench:feedback).
 */
export function saysFiguresOf(point: string, text: string, asked = ''): boolean {
  const all = point.match(/\d+(?:[.,]\d+)?/g) ?? []
  if (all.length === 0) return true
  const given = new Set(asked.match(/\d+(?:[.,]\d+)?/g) ?? [])
  const own = all.filter((f) => !given.has(f))
  const figures = own.length > 0 ? own : all
  const said = new Set(text.match(/\d+(?:[.,]\d+)?/g) ?? [])
  return figures.some((f) => said.has(f))
}

/** What a criterion's "missing" line is made from: the question's own points, not its rubric. */
export type MissingPoints = ((criterion: { name: string; description: string }) => string) & {
  /**
   * The points about the criterion the candidate did reach (at most two, closest first): what a
   * strength or a rationale names, in the question's terms rather than as matched words.
   */
  reached(criterion: { name: string; description: string }): string[]
  /** Whether the candidate's words reach a text (a key principle, a point), as "missing" reads it. */
  reaches(text: string): boolean
}

/**
 * Names what the candidate did not reach for a criterion, in the question's own terms: the
 * points of the model answer and of the framework steps (short clauses such as "rollback if p75
 * LCP regresses by more than 10%" or "Chrome DevTools Network tab") that are about the
 * criterion and that the candidate's words do not cover. Never rubric vocabulary (the rubric's
 * description only chooses which points are about the criterion), never a bare word or a number
 * out of its clause. Empty when every such point is reached.
 */
export function createMissingPoints(
  analyzer: TextAnalyzer,
  question: Question,
  candidateText: string,
  demote: string,
  /**
   * How much of a point the answer reaches, when the caller already has the similarities at
   * hand (the offline grader's matrix); undefined where it has not. Default: the analyzer's
   * coverage of the point by the whole answer.
   */
  reachOf: (point: string) => number | undefined = () => undefined,
): MissingPoints {
  const { related: relatedTo } = questionSide(analyzer, key(question, demote), () =>
    buildQuestionSide(analyzer, question, demote),
  )
  // Points are chosen as the question writes them and shown as a candidate reads them.
  const wordOf = pointWording(question)
  // Each point's stems once per grade: `closest` compares every point with every chosen one.
  const stems = new Map<string, Set<string>>()
  const stemsOfPoint = (point: string) => {
    let own = stems.get(point)
    if (!own) stems.set(point, (own = new Set(analyzer.terms(point).map((t) => t.stem))))
    return own
  }
  const demotedReach = new Map<string, number>()
  const reachDemoted = (point: string) => {
    let reach = demotedReach.get(point)
    if (reach === undefined) {
      reach = reachOf(point) ?? analyzer.coverage(candidateText, point, { demote }).score
      demotedReach.set(point, reach)
    }
    return reach
  }
  const reached = new Map<string, boolean>()
  const isReached = (point: string) => {
    let hit = reached.get(point)
    if (hit === undefined) {
      hit =
        reachDemoted(point) >= REACHED || analyzer.coverage(candidateText, point).score >= REACHED
      reached.set(point, hit)
    }
    return hit
  }
  const isCovered = (point: string) =>
    reachDemoted(point) >= COVERED && saysFiguresOf(point, candidateText, demote)
  // The two closest points that pass `keep`, one of any two that contain each other: "Chrome
  // DevTools Network tab" says nothing more next to "Chrome DevTools Network tab, Performance
  // tab, GraphQL tracing".
  const closest = (related: readonly string[], keep: (point: string) => boolean) => {
    const chosen: string[] = []
    for (const point of related) {
      if (chosen.length >= MAX_POINTS) break
      if (!keep(point)) continue
      const low = point.toLowerCase()
      // "New Format Default" next to "New format becomes default" says it twice: one of two
      // points whose content words one holds all of the other's is left out.
      const own = stemsOfPoint(point)
      const repeats = chosen.some((m) => {
        const other = stemsOfPoint(m)
        return (
          m.toLowerCase().includes(low) ||
          low.includes(m.toLowerCase()) ||
          [...own].every((s) => other.has(s)) ||
          [...other].every((s) => own.has(s))
        )
      })
      if (!repeats) chosen.push(point)
    }
    return chosen
  }
  const missingFor = (criterion: { name: string; description: string }) => {
    const missing = closest(relatedTo(criterion), (p) => !isReached(p))
    return missing.length === 0 ? '' : `Not reached: ${missing.map(wordOf).join('; ')}.`
  }
  return Object.assign(missingFor, {
    reached: (criterion: { name: string; description: string }) =>
      closest(relatedTo(criterion), isCovered).map(wordOf),
    reaches: isReached,
  })
}

/** What a question's "missing" lines are chosen from, whoever the candidate: built once per question. */
type QuestionSide = {
  /** The question's points about a criterion, closest first (memoised by its description). */
  related: (criterion: { description: string }) => string[]
}

// Per question, the points, their stems and which are about each criterion: rebuilding them
// (a coverage per point and criterion) was a few milliseconds of every grade.
const questionSide = createQuestionSideCache<QuestionSide>()
const key = (question: Question, demote: string) =>
  JSON.stringify([question.framework.steps.map((s) => s.description), question.modelAnswer, demote])

function buildQuestionSide(
  analyzer: TextAnalyzer,
  question: Question,
  demote: string,
): QuestionSide {
  const points = questionPoints(question)
  const demoted = new Set(analyzer.terms(demote).map((t) => t.stem))
  const stems = (text: string) =>
    new Set(
      analyzer
        .terms(text)
        .map((t) => t.stem)
        .filter((stem) => !demoted.has(stem)),
    )
  const pointStems = points.map(stems)
  const related = new Map<string, string[]>()
  const relatedTo = (criterion: { description: string }) => {
    let list = related.get(criterion.description)
    if (!list) related.set(criterion.description, (list = closestRelated(criterion)))
    return list
  }
  function closestRelated(criterion: { description: string }): string[] {
    // A point is about the criterion when it shares a word with its description (the question's
    // own words and the rubric's vocabulary do not count); the closest come first.
    const about = stems(criterion.description)
    return points
      .map((point, i) => ({
        point,
        i,
        shared: [...pointStems[i]!].filter((stem) => about.has(stem)).length,
      }))
      .filter((p) => p.shared > 0)
      .map((p) => ({ ...p, score: analyzer.coverage(criterion.description, p.point).score }))
      .filter((p) => p.score >= MIN_RELATEDNESS)
      .sort((a, b) => b.shared - a.shared || b.score - a.score || a.i - b.i)
      .map((p) => p.point)
  }
  return { related: relatedTo }
}

export function questionPoints(question: Question): string[] {
  return askedPoints(question).map((p) => p.point)
}

/** Each point with whether its clause was a question ("Is it backend…?"): how to word it. */
function askedPoints(question: Question): Array<{ point: string; asked: boolean }> {
  const texts = [
    ...question.framework.steps.map((s) => s.description),
    // Headings ("Diagnostic process (15 minutes):") label points; they are not points.
    ...splitSentences(stripFencedCode(question.modelAnswer))
      .map((s) => s.text)
      .filter((text) => !/:\s*$/.test(text)),
  ]
  const seen = new Set<string>()
  const points: Array<{ point: string; asked: boolean }> = []
  for (const text of texts) {
    for (const clause of splitClauses(text)) {
      const point = tidyPoint(clause)
      if (!isPoint(point)) continue
      const key = point.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      points.push({ point, asked: /\?["”']?\s*$/.test(clause) })
    }
  }
  return points
}

/**
 * How a question's points read to a candidate (point-phrase.ts): per point, its wording inside
 * "you covered …" and "Not reached: …". Which points are chosen is decided on the points as the
 * question writes them; only the words shown change.
 */
export function pointWording(question: Question): (point: string) => string {
  let wording = wordings.get(question)
  if (!wording) {
    const ordinary = lowerCaseWords(
      stripFencedCode(
        [
          question.prompt,
          question.scenario,
          ...question.requirements,
          question.modelAnswer,
          ...question.framework.steps.map((s) => s.description),
          ...question.framework.keyPrinciples,
          ...question.rubric.map((r) => r.description),
          ...question.competencies.map((c) => c.description),
        ].join('\n'),
      ).replace(/`[^`]*`/g, ' '),
    )
    const asked = new Map(askedPoints(question).map((p) => [p.point, p.asked]))
    const memo = new Map<string, string>()
    wording = (point) => {
      let said = memo.get(point)
      if (said === undefined)
        memo.set(point, (said = phrasePoint(point, ordinary, asked.get(point))))
      return said
    }
    wordings.set(question, wording)
  }
  return wording
}
const wordings = new WeakMap<Question, (point: string) => string>()

/**
 * A phrase a candidate can act on: 3-16 words, two of them real words (three letters or more),
 * and numbers only inside words that give them their context ("Day 1, Hour 9-12" is not one).
 */
function isPoint(phrase: string): boolean {
  const words = phrase.split(/\s+/)
  if (words.length < MIN_POINT_WORDS || words.length > MAX_POINT_WORDS) return false
  const tokens = phrase.match(/[\p{L}\p{N}]+/gu) ?? []
  const letters = tokens.filter((t) => /^\p{L}{3,}$/u.test(t)).length
  const numbers = tokens.filter((t) => /^\p{N}/u.test(t)).length
  // The answer's talk about itself ("Let me investigate systematically") is no point.
  if (/^(?:let me|let's|here's|here is|this is|I'd|I will|I would|I'll)\b/i.test(phrase))
    return false
  return letters >= 2 && numbers * 3 <= tokens.length
}

/** Clauses: split at semicolons, colons and dashes between words; parentheses stay. */
function splitClauses(sentence: string): string[] {
  return sentence.replace(LABEL, '').split(/;\s+|:\s+|\s[–—-]\s/)
}

/** A clause as a phrase: no label, bullet or closing punctuation. */
function tidyPoint(clause: string): string {
  return clause
    .replace(LABEL, '')
    .replace(/^[\s\-*•>#"“',]+|[\s.,;:!?"”']+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
