import { describe, expect, it } from 'vitest'
import type { TranscriptCase } from '../../../bench/transcripts-bench/transcript-case.js'
import {
  attachScores,
  summariseGrades,
} from '../../../bench/transcripts-bench/transcript-report.js'

const make = (
  questionId: string,
  level: string,
  target: number,
  words: number,
  baseLevel?: string,
): TranscriptCase => ({
  questionId,
  level,
  target,
  range: [target - 1, target + 1],
  justification: 'test',
  baseLevel,
  turns: [{ id: 'c1', role: 'candidate', text: Array(words).fill('word').join(' ') }],
})

describe('summariseGrades', () => {
  const cases = [
    make('q1', 'good', 7, 100),
    make('q1', 'padded-good', 6.5, 300, 'good'),
    make('q1', 'mediocre', 4.5, 80),
    make('q1', 'mediocre-claims', 4.5, 90, 'mediocre'),
    make('q1', 'off-topic', 0.5, 60),
    make('q2', 'good', 7, 120),
    make('q2', 'padded-good', 6.5, 360, 'good'),
    make('q2', 'mediocre', 4.5, 70),
    make('q2', 'mediocre-claims', 4.5, 75, 'mediocre'),
    make('q2', 'off-topic', 0.5, 50),
  ]
  const scores = [7, 7.5, 4, 4, 0.5, 6, 5, 3, 3.5, 3]
  const report = summariseGrades(attachScores(cases, scores))

  it('pairs each variant with its base answer of the same question', () => {
    expect(report.variants).toEqual([
      { questionId: 'q1', level: 'padded-good', baseLevel: 'good', score: 7.5, baseScore: 7 },
      { questionId: 'q1', level: 'mediocre-claims', baseLevel: 'mediocre', score: 4, baseScore: 4 },
      { questionId: 'q2', level: 'padded-good', baseLevel: 'good', score: 5, baseScore: 6 },
      {
        questionId: 'q2',
        level: 'mediocre-claims',
        baseLevel: 'mediocre',
        score: 3.5,
        baseScore: 3,
      },
    ])
  })

  it('checks off-topic and claims cases against the same question mediocre', () => {
    expect(report.belowMediocre.filter((b) => b.score >= b.mediocre)).toEqual([
      { questionId: 'q1', level: 'mediocre-claims', score: 4, mediocre: 4 },
      { questionId: 'q2', level: 'mediocre-claims', score: 3.5, mediocre: 3 },
      { questionId: 'q2', level: 'off-topic', score: 3, mediocre: 3 },
    ])
  })

  it('reports per level means, range share and length rho in level order', () => {
    expect(report.levels.map((l) => l.level)).toEqual([
      'good',
      'padded-good',
      'mediocre',
      'mediocre-claims',
      'off-topic',
    ])
    const good = report.levels[0]!
    expect(good).toMatchObject({ n: 2, meanScore: 6.5, meanTarget: 7, withinRange: 1 })
    // q2 wrote more and scored less: within the level, score falls with length.
    expect(good.lengthRho).toBeCloseTo(-1)
    expect(report.perQuestion.map((q) => q.questionId)).toEqual(['q1', 'q2'])
    expect(report.mae).toBeCloseTo(
      [0, 1, 0.5, 0.5, 0, 1, 1.5, 1.5, 1, 2.5].reduce((a, b) => a + b) / 10,
    )
  })

  // A set with kinds of its own (bench/transcripts-fresh2/) needs no entry in the level list: its
  // kinds follow the known ones, highest mean target first, whatever their names.
  it('orders kinds it does not know after the known ones, by mean target', () => {
    const own = summariseGrades(
      attachScores(
        [
          make('q1', 'zz-outstanding', 9, 100),
          make('q1', 'aa-off-track', 0.5, 50),
          make('q1', 'good', 7, 80),
          make('q1', 'mm-average', 4.5, 70),
        ],
        [8, 1, 6, 4],
      ),
    )
    expect(own.levels.map((l) => l.level)).toEqual([
      'good',
      'zz-outstanding',
      'mm-average',
      'aa-off-track',
    ])
  })
})
