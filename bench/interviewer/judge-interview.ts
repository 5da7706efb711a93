import type { Question } from '../../server/questions/question-schema.js'
import type { Turn } from '../../server/sessions/session-schema.js'
import { askCount, askedQuestions, shingles, stemOverlap, words } from './question-text.js'
import { promptInstructionText } from './prompt-text.js'
import { markupFragments } from './markup-fragments.js'
import type { InterviewRecord } from './run-interview.js'
import { RESTATED_STEP_LABELS } from './restated-step-labels.js'

/** Two questions sharing this share of their content stems are the same question reworded. */
export const PARAPHRASE_OVERLAP = 0.6
/** Consecutive words of the model answer, not public and not the candidate's, that make a leak. */
export const LEAK_WORDS = 8

export type InterviewFigures = {
  followUps: number
  /**
   * Follow-ups aimed at a step the candidate's labelled answers had already covered, or at a
   * rubric criterion that restates such steps (RESTATED_STEP_LABELS).
   */
  redundant: number
  /** Asking turns that repeat or reword a question asked before in the session. */
  repeats: number
  /** Quotes of the candidate used a second time. */
  quotesReused: number
  /** Interviewer turns holding model-answer text the candidate never saw or said. */
  leaks: number
  /** Interviewer turns holding the prompt's own words (its instructions, headings, tags). */
  promptEchoes: number
  /**
   * Interviewer turns whose text, as the candidate saw it at the turn's end, holds markup debris
   * (markup-fragments.ts): an orphaned fence, a lone brace line, an empty bullet, a dangling
   * lead-in.
   */
  markupShown: number
  /** Asking turns (after the opening) with more than one question in them. */
  multiQuestion: number
  /** Framework steps some follow-up aimed at. */
  stepsProbed: Set<number>
  clarifications: number
  clarificationsRight: number
  /** One line per problem, for the report's examples and for debugging. */
  problems: string[]
}

/** Interviewer turns that ask the candidate something new (a redirect repeats one on purpose). */
const ASKING = new Set(['question', 'follow-up', 'verdict'])

/** "The scenario doesn't say; state your assumption", in the words an interviewer might use. */
const NOT_IN_SCENARIO =
  /\b(doesn'?t|does not|don'?t|do not|isn'?t|is not)\s+(say|specify|state|give|mention|cover|in the (scenario|brief))|\bnot (specified|stated|given|mentioned)\b/i

/**
 * Judges one interview against the candidate's labels: which steps their answers covered before
 * each follow-up, what was asked before, what the candidate and the question's public text hold.
 */
export function judgeInterview(question: Question, record: InterviewRecord): InterviewFigures {
  const figures: InterviewFigures = {
    followUps: 0,
    redundant: 0,
    repeats: 0,
    quotesReused: 0,
    leaks: 0,
    promptEchoes: 0,
    markupShown: 0,
    multiQuestion: 0,
    stepsProbed: new Set(),
    clarifications: 0,
    clarificationsRight: 0,
    problems: [],
  }
  const covered = new Set<number>()
  const asked: string[] = []
  const quotes = new Set<string>()
  const secret = secretShingles(question)
  const instructions = instructionShingles(question)
  let candidateText = ''
  record.exchanges.forEach(({ move, reply, takenBack = [] }, index) => {
    if (move?.type === 'answer') {
      for (const step of move.covers) covered.add(step)
      candidateText += `\n${move.text}`
    }
    if (move?.type === 'clarify') {
      figures.clarifications++
      if (clarificationRight(move.fact, reply)) figures.clarificationsRight++
      else figures.problems.push(`clarification "${move.text}" got: ${reply.text}`)
    }
    // Leaks and echoes in anything the candidate saw, a text later revised included; the rest is
    // judged on the text the turn ends with.
    const seen = [reply.text, ...takenBack]
    const leak = firstFound(seen, (text) => leakedSpan(text, secret, candidateText))
    if (leak) {
      figures.leaks++
      figures.problems.push(`leak "${leak.found}" in: ${leak.text}`)
    }
    const echo = firstFound(seen, (text) => leakedSpan(text, instructions, candidateText))
    if (echo) {
      figures.promptEchoes++
      figures.problems.push(`prompt echoed "${echo.found}" in: ${echo.text}`)
    }
    const debris = reply.role === 'interviewer' ? markupFragments(reply.text) : []
    if (debris.length > 0) {
      figures.markupShown++
      figures.problems.push(`markup shown (${debris.join('; ')}) in: ${reply.text}`)
    }
    if (reply.role !== 'interviewer' || !ASKING.has(reply.kind)) return
    const questions = askedQuestions(reply.text)
    const asks = askCount(reply.text)
    if (index > 0 && asks > 1) {
      figures.multiQuestion++
      figures.problems.push(`${asks} questions in one turn: ${reply.text}`)
    }
    countRepeat(figures, asked, questions)
    // The opening quotes the question's prompt, not the candidate.
    for (const quote of index === 0 ? [] : quotedSpans(reply.text)) {
      if (quotes.has(quote)) {
        figures.quotesReused++
        figures.problems.push(`quote used again: "${quote}"`)
      }
      quotes.add(quote)
    }
    if (reply.kind !== 'follow-up') return
    figures.followUps++
    const step = stepOf(reply)
    if (step !== null) {
      figures.stepsProbed.add(step)
      if (covered.has(step)) {
        figures.redundant++
        figures.problems.push(`asked about covered step ${step}: ${reply.text}`)
      }
    }
    const criterion = criterionOf(reply)
    const restated = criterion === null ? [] : restatedSteps(question, criterion)
    if (restated.length > 0 && restated.every((s) => covered.has(s))) {
      figures.redundant++
      figures.problems.push(
        `asked about criterion ${criterion}, whose step ${restated.join(' and ')} was covered: ${reply.text}`,
      )
    }
  })
  return figures
}

/**
 * Counts a turn whose question repeats (or paraphrases) one asked before, with the pair as the
 * problem; then remembers the turn's questions.
 */
export function countRepeat(
  figures: { repeats: number; problems: string[] },
  asked: string[],
  questions: readonly string[],
): void {
  const repeated = questions.find((q) => asked.some((a) => sameQuestion(a, q)))
  if (repeated) {
    figures.repeats++
    const earlier = asked.find((a) => sameQuestion(a, repeated))!
    figures.problems.push(`repeated: ${repeated} (asked before: ${earlier})`)
  }
  asked.push(...questions)
}

export function sameQuestion(a: string, b: string): boolean {
  const norm = (s: string) => words(s).join(' ')
  return norm(a) === norm(b) || stemOverlap(a, b) >= PARAPHRASE_OVERLAP
}

function stepOf(turn: Turn): number | null {
  const match = /^step:(\d+)$/.exec(turn.target ?? '')
  return match ? Number(match[1]) : null
}

function criterionOf(turn: Turn): number | null {
  const match = /^criterion:(\d+)$/.exec(turn.target ?? '')
  return match ? Number(match[1]) : null
}

/** The steps a criterion (1-based) restates, by the hand labels; none for an unlabelled question. */
function restatedSteps(question: Question, criterion: number): readonly number[] {
  return RESTATED_STEP_LABELS[question.id]?.[criterion - 1] ?? []
}

/** Right: the reply quotes the fact; or, with no fact in the scenario, says so. */
function clarificationRight(fact: string | string[] | null, reply: Turn): boolean {
  if (reply.kind !== 'clarification') return false
  if (fact === null) return NOT_IN_SCENARIO.test(reply.text)
  const said = words(reply.text).join(' ')
  return [fact].flat().some((f) => said.includes(words(f).join(' ')))
}

/** Spans of the model answer the candidate could not have read: not in the question's public text. */
function secretShingles(question: Question): Set<string> {
  const seen = shingles(publicTextOf(question), LEAK_WORDS)
  return new Set([...shingles(question.modelAnswer, LEAK_WORDS)].filter((s) => !seen.has(s)))
}

const PROMPT_TEXT = promptInstructionText()

/** Spans of the interviewer prompts' own words, not in the question's public text. */
function instructionShingles(question: Question): Set<string> {
  const seen = shingles(publicTextOf(question), LEAK_WORDS)
  return new Set([...shingles(PROMPT_TEXT, LEAK_WORDS)].filter((s) => !seen.has(s)))
}

/** What the candidate can read of the question: its public text. */
export function publicTextOf(question: Question): string {
  return [
    question.title,
    question.prompt,
    question.scenario,
    ...question.requirements,
    ...question.competencies.flatMap((c) => [c.name, c.description]),
    ...question.framework.steps.flatMap((s) => [s.name, s.description]),
    ...question.framework.keyPrinciples,
    ...question.rubric.flatMap((c) => [c.name, c.description]),
  ].join('\n')
}

/** The first of `texts` in which `find` finds something, with what it found. */
export function firstFound(
  texts: readonly string[],
  find: (text: string) => string | null | undefined,
): { text: string; found: string } | null {
  for (const text of texts) {
    const found = find(text)
    if (found) return { text, found }
  }
  return null
}

function leakedSpan(text: string, secret: Set<string>, candidateText: string): string | null {
  const said = shingles(candidateText, LEAK_WORDS)
  for (const s of shingles(text, LEAK_WORDS)) if (secret.has(s) && !said.has(s)) return s
  return null
}

function quotedSpans(text: string): string[] {
  return [...text.matchAll(/["“]([^"”]+)["”]/g)]
    .map((m) => words(m[1]!).join(' '))
    .filter((q) => q.split(' ').length >= 3)
}
