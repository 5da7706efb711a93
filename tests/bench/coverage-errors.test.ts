import { describe, expect, it } from 'vitest'
import { classifyErrors, countErrors, type LabelledDecision } from '../../bench/coverage-errors.js'

const decision = (
  questionId: string,
  answer: string,
  step: number,
  predicted: boolean,
  covered: boolean,
): LabelledDecision => ({ questionId, answer, step, score: predicted ? 1 : 0, covered })

describe('coverage errors', () => {
  it('calls a missed step with another given in its place a wrong step, both ways', () => {
    const errors = classifyErrors([
      decision('q', 'swap', 1, true, false),
      decision('q', 'swap', 2, false, true),
      decision('q', 'swap', 3, false, false),
    ])
    expect(errors).toEqual([
      { questionId: 'q', answer: 'swap', step: 1, error: 'fp', kind: 'wrong step' },
      { questionId: 'q', answer: 'swap', step: 2, error: 'fn', kind: 'wrong step' },
    ])
  })

  it('tells a plain miss, an extra step and a line that covers nothing apart', () => {
    const errors = classifyErrors([
      decision('q', 'miss', 1, false, true),
      decision('q', 'miss', 2, false, false),
      decision('q', 'extra', 1, true, true),
      decision('q', 'extra', 2, true, false),
      decision('q', 'vague', 1, true, false),
      decision('q', 'vague', 2, false, false),
    ])
    expect(errors.map((e) => [e.answer, e.error, e.kind])).toEqual([
      ['miss', 'fn', 'missed'],
      ['extra', 'fp', 'extra step'],
      ['vague', 'fp', 'covers nothing'],
    ])
  })

  it('keeps answers of different questions apart even with the same text', () => {
    const errors = classifyErrors([
      decision('a', 'same', 1, true, false),
      decision('b', 'same', 1, false, true),
    ])
    expect(errors.map((e) => e.kind)).toEqual(['covers nothing', 'missed'])
  })

  it('counts errors per question and kind, with a total', () => {
    const errors = classifyErrors([
      decision('a', 'x', 1, true, false),
      decision('b', 'y', 1, false, true),
      decision('b', 'z', 1, false, true),
    ])
    const rows = countErrors(errors, ['a', 'b'])
    expect(rows.map((r) => [r.questionId, r.counts['covers nothing'], r.counts.missed])).toEqual([
      ['a', 1, 0],
      ['b', 0, 2],
      [null, 1, 2],
    ])
  })
})
