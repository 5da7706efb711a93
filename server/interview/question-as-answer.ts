import { splitSentences } from '../text/index.js'
import { isInjectionAttempt } from './injection-detector.js'

/**
 * Whether an answer is really a clarifying question: a candidate who types "Is the hold done by
 * Stripe or by our own ledger?" into the answer box and sends it is asking, not answering. Taken
 * as an answer it would spend a follow-up, be credited to the step the last follow-up aimed at,
 * and get a wrap-up question instead of the fact; taken as a clarifying question it gets the
 * scenario's fact (or "state your assumption") and costs nothing.
 *
 * Only a short text made of questions alone counts: an answer that asks a question and then
 * answers it ("Why is it slow? Because...") is an answer, and so is a long one. Attempts to get
 * the answer or a score stay answers, so they get the redirect.
 */
const MAX_WORDS = 40
const MAX_QUESTIONS = 2
/** How a question to the interviewer opens: an auxiliary or a question word. */
const ASKS =
  /^(?:(?:so|and|also|ok(?:ay)?|sorry|quick question|one question|just to (?:check|confirm|clarify))[,:]?\s+)?(?:is|are|was|were|am|do|does|did|can|could|should|shall|will|would|may|might|must|have|has|had|how|what|what's|which|who|whom|whose|where|when|why|are we|do we)\b/i

export function readsAsClarifyingQuestion(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.split(/\s+/).length > MAX_WORDS) return false
  const sentences = splitSentences(trimmed).map((s) => s.text.trim())
  if (sentences.length === 0 || sentences.length > MAX_QUESTIONS) return false
  if (!sentences.every((s) => s.endsWith('?') && ASKS.test(s))) return false
  return !isInjectionAttempt(trimmed)
}
