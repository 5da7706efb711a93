import { describe, expect, it } from 'vitest'
import {
  LEAK_SPAN_WORDS,
  createLeakGuard,
  normaliseWords,
} from '../../../server/interview/leak-guard.js'
import { copiedSpans, longestOpenRun } from './fixtures/copied-spans.js'

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { next, int, pick: <T>(xs: readonly T[]) => xs[int(xs.length)]! }
}

// Few words, so runs of the model answer recur in part and the automaton's fallbacks are exercised.
const VOCABULARY = [
  'the',
  'cache',
  'key',
  'retry',
  'order',
  'charge',
  'provider',
  'lock',
  'queue',
  'a',
  'of',
  'write',
  'read',
  'idempotent',
  'timeout',
  'and',
  'then',
  'replica',
  'lag',
  'we',
]
const SURROUNDING = ['banana', 'how', 'would', 'you', 'think', 'about', 'why', 'so']
const PUNCTUATION = ['', '', '', ',', '.', '?', ';', ' —', '!', '…']

type Rng = ReturnType<typeof prng>

function modelAnswerOf(rng: Rng): string {
  return Array.from({ length: 150 }, () => rng.pick(VOCABULARY)).join(' ')
}

/** Disguises a copied word as a model would: case, punctuation, curly quotes. */
function disguise(rng: Rng, word: string): string {
  const cased = rng.next() < 0.2 ? word.toUpperCase() : rng.next() < 0.2 ? `“${word}”` : word
  return cased + rng.pick(PUNCTUATION)
}

/** Interviewer-like text: own words, short echoes and (when `leaky`) long copies of the answer. */
function candidateText(rng: Rng, modelAnswer: string, leaky: boolean): string {
  const source = modelAnswer.split(' ')
  const parts: string[] = []
  const pieces = 3 + rng.int(8)
  for (let p = 0; p < pieces; p++) {
    const roll = rng.next()
    if (roll < 0.4) {
      for (let i = 0, n = 1 + rng.int(6); i < n; i++)
        parts.push(disguise(rng, rng.pick(SURROUNDING)))
    } else if (roll < 0.7) {
      for (let i = 0, n = 1 + rng.int(6); i < n; i++)
        parts.push(disguise(rng, rng.pick(VOCABULARY)))
    } else {
      const length = leaky ? 4 + rng.int(16) : 1 + rng.int(LEAK_SPAN_WORDS - 1)
      const from = rng.int(source.length - length)
      for (const w of source.slice(from, from + length)) parts.push(disguise(rng, w))
    }
  }
  return parts.join(rng.next() < 0.1 ? '\n' : ' ')
}

/** Cuts text at random places, mid-word included. */
function randomSplit(rng: Rng, text: string): string[] {
  const chunks: string[] = []
  let at = 0
  while (at < text.length) {
    const length = 1 + rng.int(12)
    chunks.push(text.slice(at, at + length))
    at += length
  }
  return chunks
}

describe('leak guard under random splits (property)', () => {
  it('never lets a 12-word copy through, after any delta, whatever the split', () => {
    let leakyCases = 0
    for (let seed = 1; seed <= 400; seed++) {
      const rng = prng(seed)
      const modelAnswer = modelAnswerOf(rng)
      const text = candidateText(rng, modelAnswer, true)
      const guard = createLeakGuard(modelAnswer)
      let sent = ''
      for (const chunk of randomSplit(rng, text)) {
        sent += guard.push(chunk)
        expect(copiedSpans(sent, modelAnswer), `seed ${seed}`).toEqual([])
      }
      sent += guard.flush()
      expect(copiedSpans(sent, modelAnswer), `seed ${seed}`).toEqual([])
      if (copiedSpans(text, modelAnswer).length > 0) {
        leakyCases++
        expect(guard.leaks, `seed ${seed}`).toBeGreaterThan(0)
      }
    }
    // The generator must really produce copies, or this property says nothing.
    expect(leakyCases).toBeGreaterThan(100)
  })

  it('passes text without a copy through unchanged, whatever the split', () => {
    let cases = 0
    for (let seed = 1001; cases < 300; seed++) {
      const rng = prng(seed)
      const modelAnswer = modelAnswerOf(rng)
      const text = candidateText(rng, modelAnswer, false)
      if (copiedSpans(text, modelAnswer).length > 0) continue
      cases++
      const guard = createLeakGuard(modelAnswer)
      const sent =
        randomSplit(rng, text)
          .map((c) => guard.push(c))
          .join('') + guard.flush()
      expect(sent, `seed ${seed}`).toBe(text)
      expect(guard.leaks).toBe(0)
    }
  })

  it('holds back exactly the latest words that could still begin a copy', () => {
    let holding = 0
    for (let seed = 5001; seed <= 5300; seed++) {
      const rng = prng(seed)
      const modelAnswer = modelAnswerOf(rng)
      const text = candidateText(rng, modelAnswer, false)
      if (copiedSpans(text, modelAnswer).length > 0) continue
      const guard = createLeakGuard(modelAnswer)
      // Whole words a delta (each with its following space), as models stream them.
      const words = text.split(/(?<=\s)/)
      let seen = ''
      for (const word of words) {
        seen += word
        guard.push(word)
        const expected = longestOpenRun(seen, modelAnswer)
        // After a whole word, the held text is exactly the run that could still begin a copy.
        if (/\s$/.test(word)) expect(normaliseWords(guard.held), `seed ${seed}`).toEqual(expected)
        if (expected.length > 0) holding++
      }
    }
    expect(holding).toBeGreaterThan(100)
  })
})
