import { describe, expect, it } from 'vitest'
import { createEarlyLeakGuard } from '../../../server/interview/early-leak-guard.js'
import { applyTurnChunk } from '../../../server/interview/interviewer-engine.js'
import {
  LEAK_HOLD_RUN_WORDS,
  applyCuts,
  createLeakGuard,
  normaliseWords,
} from '../../../server/interview/leak-guard.js'
import { copiedSpanFinder, copiedSpans, longestOpenRun } from './fixtures/copied-spans.js'
import { candidateText, modelAnswerOf, prng, randomSplit } from './fixtures/leaky-text.js'
import { PAYMENT_MODEL_ANSWER } from './fixtures/payment-model-answer.js'

const MODEL_ANSWER = PAYMENT_MODEL_ANSWER

/**
 * Pushes each chunk and flushes, as a client would see it: `states` is the client's text after
 * every change (deltas appended, revisions applied), `returned` what each push returned.
 */
function showAll(chunks: readonly string[], modelAnswer = MODEL_ANSWER) {
  const guard = createEarlyLeakGuard(modelAnswer)
  const states: string[] = []
  const returned = chunks.map((c) => guard.push(c))
  const ended = guard.flush()
  let text = ''
  for (const chunk of [...returned, ended]) {
    if (chunk === null) continue
    text = applyTurnChunk(text, chunk)
    states.push(text)
  }
  return { guard, states, returned, text }
}

/**
 * What the guard alone releases for the same chunks, its cuts (a copy's frame) taken out: the
 * text a turn must end with.
 */
function releasedByGuard(chunks: readonly string[], modelAnswer = MODEL_ANSWER): string {
  const guard = createLeakGuard(modelAnswer)
  const released = chunks.map((c) => guard.push(c)).join('') + guard.flush()
  return applyCuts(released, guard.cuts)
}

describe('createEarlyLeakGuard: no hold on ordinary text', () => {
  it('returns each delta at once, mid-word too, when no run of the model answer is long', () => {
    // Shares "the", "first", "a", "retry", "the order" with the model answer: runs of 1-2 words.
    const text =
      'What would the first thing be that you check on a retry, and who owns the order table?'
    expect(longestOpenRun('would the first', MODEL_ANSWER).length).toBeGreaterThan(0)
    const chunks = text.match(/.{1,3}/g)!
    const { returned, guard } = showAll(chunks)
    expect(returned).toEqual(chunks)
    expect(guard.held).toBe('')
  })

  it('shows a run of the model answer until it reaches LEAK_HOLD_RUN_WORDS words', () => {
    const guard = createEarlyLeakGuard(MODEL_ANSWER)
    const run = 'send an idempotency key derived from the order id with'.split(' ')
    let shown = ''
    shown = applyTurnChunk(shown, guard.push('So ')!)
    for (const [i, word] of run.entries()) {
      const chunk = guard.push(`${word} `)
      if (chunk !== null) shown = applyTurnChunk(shown, chunk)
      // The run's first words are shown; from its LEAK_HOLD_RUN_WORDS-th on, held.
      const visible = Math.min(i + 1, LEAK_HOLD_RUN_WORDS - 1)
      expect(normaliseWords(shown)).toEqual(['so', ...run.slice(0, visible)])
    }
  })
})

describe('createEarlyLeakGuard: a copy', () => {
  it('takes back the shown start of a copy and ends with what the guard alone releases', () => {
    const chunks = [
      'Consider ',
      'this: send an ',
      'idempotency key derived ',
      'from the order id with every ',
      'charge. Which id?',
    ]
    const { states, returned, text, guard } = showAll(chunks)
    // "Consider this:" led in to the copy: it goes with it.
    expect(text).toBe('Which id?')
    expect(text).toBe(releasedByGuard(chunks))
    expect(guard.leaks).toBe(1)
    // The copy's start was on screen, then revised away.
    expect(states.some((s) => s.includes('send an idempotency'))).toBe(true)
    expect(returned.some((c) => c !== null && typeof c !== 'string')).toBe(true)
    expect(states.at(-1)).not.toContain('idempotency')
  })
})

describe('createEarlyLeakGuard under random splits (property)', () => {
  it('never shows a 12-word copy in any text a client is sent, and ends as the guard', () => {
    let leakyCases = 0
    let revised = 0
    for (let seed = 1; seed <= 400; seed++) {
      const rng = prng(seed)
      const modelAnswer = modelAnswerOf(rng)
      const text = candidateText(rng, modelAnswer, seed % 4 !== 0)
      const chunks = randomSplit(rng, text)
      const { states, text: ended, guard, returned } = showAll(chunks, modelAnswer)
      if (returned.some((c) => c !== null && typeof c !== 'string')) revised++
      const copied = copiedSpanFinder(modelAnswer)
      for (const state of states) expect(copied(state), `seed ${seed}`).toEqual([])
      expect(ended, `seed ${seed}`).toBe(releasedByGuard(chunks, modelAnswer))
      if (copiedSpans(text, modelAnswer).length > 0) {
        leakyCases++
        expect(guard.leaks, `seed ${seed}`).toBeGreaterThan(0)
      }
    }
    // The generator must really produce copies, or this property says nothing.
    expect(leakyCases).toBeGreaterThan(100)
    // And copies whose start was shown, then taken back.
    expect(revised).toBeGreaterThan(50)
  })

  it('shows every word of text with no long run as soon as it arrives', () => {
    let cases = 0
    for (let seed = 7001; cases < 200; seed++) {
      const rng = prng(seed)
      const modelAnswer = modelAnswerOf(rng)
      const text = candidateText(rng, modelAnswer, false)
      const words = normaliseWords(text)
      // Keep texts whose runs stay short enough that a word being typed after one could not
      // reach LEAK_HOLD_RUN_WORDS either (such a word is held until it is complete).
      const long = words.some(
        (_, i) =>
          longestOpenRun(words.slice(0, i + 1).join(' '), modelAnswer).length >=
          LEAK_HOLD_RUN_WORDS - 1,
      )
      if (long) continue
      cases++
      const chunks = randomSplit(rng, text)
      const { returned } = showAll(chunks, modelAnswer)
      expect(returned, `seed ${seed}`).toEqual(chunks)
    }
  })
})
