import { describe, expect, it } from 'vitest'
import { normaliseWords } from '../../../server/interview/leak-guard.js'
import { createRng } from '../../support/fuzz.js'

/** The normalisation as a regex pipeline: the definition the guard's ASCII fast path must match. */
function reference(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`\u00B4']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

// normaliseWords reads ASCII text in one pass (most streamed tokens); anything else goes through
// the regexes. Both must give the same words, or a copy could slip past the guard.
describe('normaliseWords', () => {
  it('matches the regex normalisation on random ASCII text', () => {
    const rng = createRng(1203)
    const alphabet = 'aZm09 \'`.,;:!?-_\t\n"()[]{}@#$%^&*+=/\\|~<>\u007f\u0001'
    for (let i = 0; i < 3000; i++) {
      let text = ''
      const length = rng.int(30)
      for (let k = 0; k < length; k++) text += alphabet[rng.int(alphabet.length)]
      expect(normaliseWords(text), JSON.stringify(text)).toEqual(reference(text))
    }
  })

  it('matches it on every ASCII character alone and inside a word', () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c)
      for (const text of [ch, `Ab${ch}cD`, `${ch}x`, `x${ch}`]) {
        expect(normaliseWords(text), JSON.stringify(text)).toEqual(reference(text))
      }
    }
  })

  it('matches it on text beyond ASCII (curly quotes, accents, final sigma, digits)', () => {
    for (const text of [
      'Don’t cache ÉTÉ',
      'ΟΔΟΣ οδος',
      'naïve café, 42×7',
      '‘quoted’ ´tick´',
      'x\u00a0y',
      '٣ arabic digits',
    ]) {
      expect(normaliseWords(text)).toEqual(reference(text))
    }
  })
})
