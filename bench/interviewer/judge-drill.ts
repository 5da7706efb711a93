import type { Question } from '../../server/questions/question-schema.js'
import { countRepeat, firstFound, LEAK_WORDS, publicTextOf } from './judge-interview.js'
import { markupFragments } from './markup-fragments.js'
import { promptInstructionText } from './prompt-text.js'
import { askCount, askedQuestions, shingles } from './question-text.js'
import type { InterviewRecord } from './run-interview.js'

export type DrillFigures = {
  /** Interviewer turns that answer a rep (verdicts, follow-ups and redirects). */
  reps: number
  /** Asking turns that repeat or reword a question asked before in the drill. */
  repeats: number
  /** Asking turns with no question, and with two or more (each must ask exactly one). */
  noQuestion: number
  multiQuestion: number
  /** Turns with 8 consecutive words of the model answer the candidate never said (hints included). */
  hintLeaks: number
  /** Turns with 8 consecutive words of the interviewer prompts' own text. */
  promptEchoes: number
  /** Turns whose text, at the turn's end, holds markup debris (markup-fragments.ts). */
  markupShown: number
  /** Turns aimed at anything but the drill's step. */
  offFocus: number
  /** Verdicts called solid whose hint says the answer missed something, or weak with praise. */
  verdictHintClashes: number
  problems: string[]
}

/** Turns that must ask the candidate exactly one question. */
const ASKING = new Set(['question', 'follow-up', 'verdict', 'redirect'])
/** A hint that says the answer fell short (of the answer, not of the candidate's plan). */
const SHORTFALL =
  /\b(you|your answer|the answer|it)\s+(did not|didn'?t|does not|doesn'?t|never|missed|skipped|lacks?)\b|\b(missing|not yet)\b/i
/** A verdict line's own word: strong / solid, partial, weak / missed. */
const VERDICT = /verdict\s*:\s*\**\s*(solid|strong|partial|weak|missed)/i

/**
 * Judges one drill on one step: every turn after the opening should be aimed at the step, ask
 * one question not asked before, and give nothing of the model answer away in its hint.
 */
export function judgeDrill(
  question: Question,
  step: number,
  record: InterviewRecord,
): DrillFigures {
  const figures: DrillFigures = {
    reps: 0,
    repeats: 0,
    noQuestion: 0,
    multiQuestion: 0,
    hintLeaks: 0,
    promptEchoes: 0,
    markupShown: 0,
    offFocus: 0,
    verdictHintClashes: 0,
    problems: [],
  }
  const publicText = publicTextOf(question)
  const seen = shingles(publicText, LEAK_WORDS)
  const secret = [...shingles(question.modelAnswer, LEAK_WORDS)].filter((s) => !seen.has(s))
  const prompt = [...shingles(promptInstructionText(), LEAK_WORDS)].filter((s) => !seen.has(s))
  const asked: string[] = []
  let said = ''
  record.exchanges.forEach(({ move, reply, takenBack = [] }, index) => {
    if (move?.type === 'answer') said += `\n${move.text}`
    const mine = shingles(said, LEAK_WORDS)
    // In anything the candidate saw, a text later revised included.
    const seen = [reply.text, ...takenBack]
    const spansOf = (text: string) => shingles(text, LEAK_WORDS)
    const leak = firstFound(seen, (text) => {
      const spans = spansOf(text)
      return secret.find((s) => spans.has(s) && !mine.has(s))
    })
    if (leak) {
      figures.hintLeaks++
      figures.problems.push(`hint leak "${leak.found}" in: ${leak.text}`)
    }
    const echo = firstFound(seen, (text) => {
      const spans = spansOf(text)
      return prompt.find((s) => spans.has(s) && !mine.has(s))
    })
    if (echo) {
      figures.promptEchoes++
      figures.problems.push(`prompt echoed "${echo.found}" in: ${echo.text}`)
    }
    const debris = markupFragments(reply.text)
    if (debris.length > 0) {
      figures.markupShown++
      figures.problems.push(`markup shown (${debris.join('; ')}) in: ${reply.text}`)
    }
    if (!ASKING.has(reply.kind)) return
    if (index > 0) figures.reps++
    if (reply.target !== `step:${step}`) {
      figures.offFocus++
      figures.problems.push(
        `aimed at ${reply.target ?? 'nothing'}, not step ${step}: ${reply.text}`,
      )
    }
    const questions = askedQuestions(reply.text)
    const asks = askCount(reply.text)
    if (asks === 0) {
      figures.noQuestion++
      figures.problems.push(`no question: ${reply.text}`)
    } else if (asks > 1) {
      figures.multiQuestion++
      figures.problems.push(`${asks} questions in one turn: ${reply.text}`)
    }
    // A redirect repeats the pending question on purpose.
    if (reply.kind !== 'redirect') {
      countRepeat(figures, asked, questions)
    }
    const verdict = VERDICT.exec(reply.text)?.[1]?.toLowerCase()
    const hint = /hint\s*:([^\n]*)/i.exec(reply.text)?.[1] ?? ''
    if ((verdict === 'solid' || verdict === 'strong') && SHORTFALL.test(hint)) {
      figures.verdictHintClashes++
      figures.problems.push(`verdict ${verdict} but the hint says it fell short: ${reply.text}`)
    }
  })
  return figures
}
