import { describe, expect, it } from 'vitest'
import {
  figuresBySet,
  formatFitComparison,
} from '../../../bench/transcripts-bench/fit-comparison.js'
import type { SetCase } from '../../../bench/transcripts-bench/offline-bench-grader.js'

const make = (set: SetCase['set'], questionId: string, level: string, target: number): SetCase => ({
  set,
  questionId,
  level,
  target,
  range: [target - 1, target + 1],
  justification: 'test',
  turns: [{ id: 'c1', role: 'candidate', text: 'an answer' }],
})

// One question in both sets: the pooled fit holds out a question's dev and fresh cases together.
const cases = [
  make('dev', 'q1', 'good', 7),
  make('dev', 'q1', 'poor', 2),
  make('fresh', 'q1', 'good', 7),
  make('fresh', 'q1', 'poor', 2),
]

describe('figuresBySet', () => {
  it('reports each set apart, then every case pooled', () => {
    const figures = figuresBySet(cases, [
      { score: 7, ms: 1 },
      { score: 2, ms: 1 },
      { score: 4, ms: 1 },
      { score: 2, ms: 1 },
    ])
    expect(figures.map((f) => [f.set, f.report.n])).toEqual([
      ['dev', 2],
      ['fresh', 2],
      ['pooled', 4],
    ])
    expect(figures[0]!.report.mae).toBe(0)
    expect(figures[1]!.report.mae).toBe(1.5)
    expect(figures[2]!.report.mae).toBe(0.75)
  })

  // Two writers' targets are two scales: pooled, a question stays one group per set.
  it('keeps a question of two sets as two groups when pooled', () => {
    const pooled = figuresBySet(
      cases,
      cases.map(() => ({ score: 5, ms: 1 })),
    ).find((f) => f.set === 'pooled')!
    expect(pooled.report.perQuestion.map((q) => q.questionId)).toEqual(['dev/q1', 'fresh/q1'])
  })

  it('leaves out cases without a score, and adds no pooled row for one set', () => {
    const figures = figuresBySet(cases.slice(0, 2), [
      { score: 7, ms: 1 },
      { error: 'timeout', ms: 1 },
    ])
    expect(figures.map((f) => [f.set, f.report.n])).toEqual([['dev', 1]])
  })
})

describe('formatFitComparison', () => {
  it('writes one row per method and set, four places for Spearman', () => {
    const figures = figuresBySet(cases, [
      { score: 7, ms: 1 },
      { score: 2, ms: 1 },
      { score: 4, ms: 1 },
      { score: 2, ms: 1 },
    ])
    const table = formatFitComparison([
      { name: 'dev + fresh', figures },
      { name: 'dev only', figures },
    ]).split('\n')
    expect(table).toHaveLength(2 + 6)
    expect(table[2]).toBe('| dev + fresh | dev | 2 | 1.0000 | 0.000 | 100.0% | 100.0% |')
    expect(table[7]).toMatch(/^\| dev only \| pooled \| 4 \| /)
  })
})
