import type { Probe, Turn, TurnKind } from '../sessions/session-schema.js'
import { splitSentences } from '../text/index.js'
import { withoutInjection } from './injection-detector.js'
import { judgeReply, type ReplySubstance } from './reply-substance.js'

/** Interviewer turns that leave a question pending for the candidate's next answer. */
const ASKING: ReadonlySet<TurnKind> = new Set(['question', 'follow-up', 'verdict', 'redirect'])

/** What the interviewer asked about one target, and what the candidate replied. */
export type TargetHistory = {
  /** Times an interviewer turn aimed at it (a redirect repeating a question counts once). */
  asked: number
  /** The best reply to a question on it, by form; null when none was answered yet. */
  best: ReplySubstance | null
}

/** The interviewer's memory of the session, read from the stored turns alone. */
export type ConversationMemory = {
  /** Every question asked so far, without lead-ins or quotes, oldest first. */
  questions: string[]
  /** The candidate's words already quoted back (normalised), each to be used once. */
  quotes: ReadonlySet<string>
  byTarget: ReadonlyMap<string, TargetHistory>
  /** The probe pending when the trigger came: what the candidate is answering. */
  pending: Probe | null
}

const RANK: Record<ReplySubstance, number> = {
  evasive: 0,
  'keyword-list': 1,
  thin: 2,
  substantive: 3,
}

/**
 * Reads what was asked and answered. Turns stored with a `probe` say it outright; older turns,
 * and LLM turns, are read from their text (the last question asked, the first quoted span).
 */
export function readConversation(turns: readonly Turn[]): ConversationMemory {
  const questions: string[] = []
  const quotes = new Set<string>()
  const byTarget = new Map<string, TargetHistory>()
  let pending: Probe | null = null
  for (const turn of turns) {
    if (turn.role === 'interviewer') {
      if (!ASKING.has(turn.kind)) continue
      const probe = probeOf(turn)
      if (!probe) continue
      // A redirect repeats the pending question: not a new one, not a second ask.
      if (turn.kind !== 'redirect') {
        if (probe.question) questions.push(probe.question)
        if (probe.quote) quotes.add(normaliseQuote(probe.quote))
        if (probe.target) {
          const history = byTarget.get(probe.target) ?? { asked: 0, best: null }
          byTarget.set(probe.target, { ...history, asked: history.asked + 1 })
        }
      }
      pending = probe
    } else if (turn.kind === 'answer' && pending?.target) {
      const history = byTarget.get(pending.target) ?? { asked: 0, best: null }
      // An attempt to get the answer is no reply: only the rest of the turn is judged.
      const substance = judgeReply(withoutInjection(turn.text))
      if (history.best === null || RANK[substance] > RANK[history.best]) {
        byTarget.set(pending.target, { ...history, best: substance })
      }
    }
  }
  return { questions, quotes, byTarget, pending }
}

/** The probe a turn recorded, or one read from its text for turns stored without it. */
export function probeOf(turn: Turn): Probe | null {
  if (turn.probe) return turn.probe
  if (!turn.target) return null
  return {
    target: turn.target,
    question: lastQuestion(turn.text),
    quote: firstQuote(turn.text),
    move: turn.provider === 'offline' ? 'open' : 'llm',
  }
}

/** The last sentence that asks something, or the last sentence when none does. */
export function lastQuestion(text: string): string {
  const sentences = splitSentences(text).map((s) => s.text.trim())
  return [...sentences].reverse().find((s) => s.endsWith('?')) ?? sentences.at(-1) ?? ''
}

/** The first span of three or more words in double quotes, or null. */
function firstQuote(text: string): string | null {
  const match = /["“]([^"”]+)["”]/.exec(text)
  const span = match?.[1]?.trim()
  return span && span.split(/\s+/).length >= 3 ? span : null
}

/** Quotes compare without case, punctuation or a trailing ellipsis. */
export function normaliseQuote(quote: string): string {
  return quote
    .toLowerCase()
    .replace(/\.\.\.$|…$/, '')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}
