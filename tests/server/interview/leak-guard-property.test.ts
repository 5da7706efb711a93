import { describe, expect, it } from 'vitest'
import { createLeakGuard, normaliseWords } from '../../../server/interview/leak-guard.js'
import { copiedSpans, longestOpenRun } from './fixtures/copied-spans.js'
import { candidateText, modelAnswerOf, prng, randomSplit } from './fixtures/leaky-text.js'

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
