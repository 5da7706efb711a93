import { describe, expect, it } from 'vitest'
import { computePercentile } from '../../bench/stream/percentile.js'
import { parseLevels } from '../../bench/stream/parse-levels.js'
import { buildReplyTokens, countFirstSentenceWords } from '../../bench/stream/reply-script.js'
import { replaceSection } from '../../bench/stream/replace-section.js'
import { auditSeqs } from '../../bench/stream/seq-check.js'

describe('computePercentile', () => {
  it('takes the nearest rank, whatever the input order', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(computePercentile(values, 50)).toBe(5)
    expect(computePercentile(values, 99)).toBe(10)
    expect(computePercentile(values, 0)).toBe(1)
    expect(computePercentile([7], 99)).toBe(7)
  })

  it('has no percentile of nothing and refuses p outside 0..100', () => {
    expect(computePercentile([], 50)).toBeNull()
    expect(() => computePercentile([1], 101)).toThrow(RangeError)
  })
})

describe('replaceSection', () => {
  const doc = '# Benchmarks\n\n## A\n\nalpha\n\n## B\n\nbeta\n\n## C\n\ngamma\n'

  it('replaces only the named section and keeps the others byte for byte', () => {
    const out = replaceSection(doc, '## B', '## B\n\nnew beta\n')
    expect(out).toBe('# Benchmarks\n\n## A\n\nalpha\n\n## B\n\nnew beta\n\n## C\n\ngamma\n')
  })

  it('replaces the last section up to the end of the document', () => {
    expect(replaceSection(doc, '## C', '## C\n\nnew')).toBe(
      '# Benchmarks\n\n## A\n\nalpha\n\n## B\n\nbeta\n\n## C\n\nnew\n',
    )
  })

  it('appends the section after a blank line when it is missing', () => {
    expect(replaceSection(doc, '## D', '## D\n\ndelta\n')).toBe(`${doc}\n## D\n\ndelta\n`)
  })

  it('does not take a longer heading for the one asked', () => {
    const out = replaceSection('## Bee\n\nx\n', '## B', '## B\n\ny\n')
    expect(out).toBe('## Bee\n\nx\n\n## B\n\ny\n')
  })
})

describe('auditSeqs', () => {
  it('accepts broadcasts that follow the snapshot one by one, ignoring unicast replies', () => {
    const frames = [
      { type: 'session-state', seq: 4 },
      { type: 'turn-start', seq: 5 },
      { type: 'pong', seq: 5 },
      { type: 'token-delta', seq: 6 },
      { type: 'turn-end', seq: 7 },
    ]
    expect(auditSeqs(frames)).toEqual({ broadcast: 3, lost: 0, reordered: 0 })
  })

  it('counts skipped seqs as lost and a step back as reordered', () => {
    const frames = [
      { type: 'session-state', seq: 1 },
      { type: 'turn-start', seq: 2 },
      { type: 'token-delta', seq: 5 },
      { type: 'token-delta', seq: 4 },
      { type: 'turn-end', seq: 6 },
    ]
    expect(auditSeqs(frames)).toEqual({ broadcast: 4, lost: 2, reordered: 1 })
  })
})

describe('buildReplyTokens', () => {
  it('makes one word a token, in sentences, with no capital N that could start a NOTES marker', () => {
    const tokens = buildReplyTokens(150)
    expect(tokens).toHaveLength(150)
    expect(tokens.every((t, i) => (i === 0 ? !t.startsWith(' ') : /^ \S+$/.test(t)))).toBe(true)
    const text = tokens.join('')
    expect(text.split(/\s+/)).toHaveLength(150)
    expect(text).toMatch(/[.?]$/)
    expect(text.match(/[.?](?= )/g)?.length).toBeGreaterThan(5)
    expect(text).not.toMatch(/\bN/)
  })
})

describe('countFirstSentenceWords', () => {
  it('counts up to the first full stop or question mark', () => {
    expect(countFirstSentenceWords(['How', ' is', ' it?', ' Fine.'])).toBe(3)
    expect(countFirstSentenceWords(['No', ' stop'])).toBe(2)
    expect(countFirstSentenceWords(buildReplyTokens(150))).toBe(14)
  })
})

describe('parseLevels', () => {
  it('reads N with the default ramp and N@ms with its own', () => {
    expect(parseLevels('10, 200@1000', 8000)).toEqual([
      { clients: 10, rampMs: 8000 },
      { clients: 200, rampMs: 1000 },
    ])
  })

  it('refuses anything else', () => {
    expect(() => parseLevels('10,x', 8000)).toThrow(/bad load level "x"/)
    expect(() => parseLevels('0', 8000)).toThrow()
  })
})
