import { describe, expect, it } from 'vitest'
import { NEUTRAL_PROBE } from '../../../server/interview/leak-guard.js'
import { copiedSpanFinder } from './fixtures/copied-spans.js'
import { runGuards } from './fixtures/run-guards.js'
import { prng, randomSplit } from './fixtures/leaky-text.js'

/**
 * A copy of a model answer's line that has no sentence end (a list item, a heading) runs straight
 * into the interviewer's question when the model joins them with a space: "... high latency
 * variance What would you check first?". The guard used to drop to the sentence end, question
 * and all (303 of 861 copies in bench/interviewer/copy-markup-probe.ts left the candidate with no
 * question). The question is the model's own text after the copy: it must be kept, and nothing
 * of the copy's sentence before it (a dangling "variance", "and jitter").
 */

const MODEL_ANSWER = [
  'Likely causes, in order:',
  '- Connection pool exhaustion under production concurrency with long queue waits',
  '- Garbage collection pauses on the larger production heap causing high latency variance',
  '- Network packet loss between the two datacenters leading to TCP retransmissions',
  '',
  'First check the pool metrics, then the garbage collector logs.',
].join('\n')

const ITEM_1 = '- Connection pool exhaustion under production concurrency with long queue waits'
const ITEM_2 =
  '- Garbage collection pauses on the larger production heap causing high latency variance'

const run = (chunks: readonly string[], modelAnswer = MODEL_ANSWER) =>
  runGuards(chunks, modelAnswer)

/** Runs `reply` under many random splits; checks the guarantees and returns each final text. */
function finalTexts(reply: string, seeds = 60, modelAnswer = MODEL_ANSWER): string[] {
  const copied = copiedSpanFinder(modelAnswer)
  const texts: string[] = []
  for (let seed = 1; seed <= seeds; seed++) {
    const { text, states, leaks, core } = run(randomSplit(prng(seed), reply), modelAnswer)
    const where = `seed ${seed}: ${JSON.stringify(text)}`
    expect(leaks, where).toBeGreaterThan(0)
    // No client ever saw twelve copied words, and the stream ends as the stored turn.
    for (const state of states) expect(copied(state), where).toEqual([])
    expect(text, where).toBe(core)
    // The question survives: no probe as well (one ask a turn).
    expect(text, where).not.toContain(NEUTRAL_PROBE)
    texts.push(text)
  }
  return texts
}

describe('leak guard: the question after a copy whose last line has no sentence end', () => {
  it('keeps the question run on after the copied line, and nothing of the line', () => {
    for (const text of finalTexts(`${ITEM_2} What would you check first?`)) {
      expect(text).toBe(`What would you check first?`)
    }
  })

  it('keeps it after a copy of several lines, with the text before the copy', () => {
    for (const text of finalTexts(`Thanks.\n${ITEM_1}\n${ITEM_2} What would you check first?`)) {
      expect(text).toBe(`Thanks.\nWhat would you check first?`)
    }
  })

  it('drops the words the model added to the copied line before its question', () => {
    // "and jitter" finishes the copied item in the model's words: a fragment, not the question.
    const reply = `${ITEM_2} and jitter How would you tell these apart?`
    for (const text of finalTexts(reply)) {
      expect(text).toBe(`How would you tell these apart?`)
    }
  })

  it('keeps a question after a wordless token ending the copied line', () => {
    for (const text of finalTexts(`${ITEM_2} — Which of these would you rule out first?`)) {
      expect(text).toBe(`Which of these would you rule out first?`)
    }
  })

  it('keeps a question the model ran on in lower case, capitalised, and not a tail', () => {
    for (const text of finalTexts(`${ITEM_2}, so what would you check first?`)) {
      expect(text).toBe(`So what would you check first?`)
    }
    for (const text of finalTexts(`${ITEM_2} — and why would that matter?`)) {
      expect(text).toBe(`And why would that matter?`)
    }
    // Words finishing the copied line that ask nothing go with it.
    for (const text of finalTexts(`${ITEM_2} and so on. Which first?`)) {
      expect(text).toBe(`Which first?`)
    }
  })

  it('drops a capitalised word inside a copied sentence the model changed, to its end', () => {
    // The copy leaves the model answer mid-line ("causing" goes on as "high latency" there):
    // "Redis" is the model's own ending of the copied sentence, not a new sentence.
    const reply = `${ITEM_1}\n- Garbage collection pauses on the larger production heap causing Redis timeouts. Which first?`
    for (const text of finalTexts(reply)) {
      expect(text).toBe(`Which first?`)
    }
  })

  it('still drops a sentence that carries the copy on, and keeps the one after it', () => {
    const reply = `${ITEM_2}\n- Network packet loss between the two datacenters. What would you check first?`
    for (const text of finalTexts(reply)) {
      expect(text).toBe(`What would you check first?`)
    }
  })
})

describe('leak guard: questions after copies (property)', () => {
  const WORDS = ['cache', 'key', 'retry', 'order', 'lock', 'queue', 'the', 'of', 'replica', 'lag']
  const OWN = ['how', 'would', 'you', 'tell', 'which', 'banana', 'first', 'why', 'check']

  it('keeps a capitalised question run on after a copied line, and never leaks', () => {
    let kept = 0
    for (let seed = 1; seed <= 300; seed++) {
      const rng = prng(seed)
      // Lines of 6-16 words with no sentence end, as list items and headings have.
      const lines = Array.from({ length: 12 }, () =>
        Array.from({ length: 6 + rng.int(11) }, () => rng.pick(WORDS)).join(' '),
      )
      const modelAnswer = lines.join('\n')
      const from = rng.int(lines.length - 3)
      const copy = lines.slice(from, from + 2 + rng.int(2)).join(rng.chance(0.5) ? '\n' : ' ')
      const own = Array.from({ length: 2 + rng.int(5) }, () => rng.pick(OWN))
      const question = `${own[0]![0]!.toUpperCase()}${own.join(' ').slice(1)}?`
      const reply = `${rng.chance(0.5) ? 'So. ' : ''}${copy} ${question}`
      for (const text of finalTexts(reply, 3, modelAnswer)) {
        expect(` ${text}`.endsWith(` ${question}`), `seed ${seed}: ${JSON.stringify(text)}`).toBe(
          true,
        )
        kept++
      }
    }
    expect(kept).toBe(900)
  })
})
