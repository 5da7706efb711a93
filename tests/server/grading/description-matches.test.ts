import { describe, expect, it } from 'vitest'
import { createTextAnalyzer } from '../../../server/text/text-analyzer.js'
import { matchDescriptions } from '../../../server/grading/description-matches.js'

// Read off one matrix, the figures must be the analyzer's own coverage of each description by
// each sentence: the shortcut is for speed, not a different measure.
describe('matchDescriptions', () => {
  it("equals the analyzer's coverage of each description by each sentence", () => {
    const analyzer = createTextAnalyzer()
    const sentences = [
      'We email every partner before the switch.',
      'A dashboard tracks adoption by client.',
    ]
    const descriptions = ['Email strategy for partners', 'Tracked adoption by client type']
    const m = matchDescriptions(analyzer, sentences, descriptions)
    for (let k = 0; k < 2; k++)
      for (let t = 0; t < 2; t++)
        expect(m(k, t)).toBeCloseTo(analyzer.coverage(sentences[k]!, descriptions[t]!).score, 6)
    expect(m(0, 0)).toBeGreaterThan(m(0, 1))
  })
})
