import { describe, expect, it } from 'vitest'
import {
  pickWeakest,
  type GradedAttempt,
} from '../../../../../web/src/features/history/hooks/pick-weakest.js'

const attempt = (
  at: string,
  questionId: string,
  scores: Record<string, number>,
): GradedAttempt => ({
  at: `2026-11-${at}T10:00:00.000Z`,
  questionId,
  competencies: Object.entries(scores).map(([name, score]) => ({ name, score })),
})

describe('pickWeakest', () => {
  it('is null without graded sessions', () => {
    expect(pickWeakest([])).toBeNull()
  })

  it('picks the lowest score of a single session, on that question', () => {
    expect(pickWeakest([attempt('20', 'q1', { Caching: 7, Concurrency: 3 })])).toEqual({
      name: 'Concurrency',
      questionId: 'q1',
      weightedScore: 3,
    })
  })

  it('weighs recent sessions more than old ones', () => {
    // Caching was weak long ago and is fine now; Concurrency slipped recently.
    const attempts = [
      attempt('01', 'q1', { Caching: 1, Concurrency: 8 }),
      attempt('02', 'q1', { Caching: 2, Concurrency: 8 }),
      attempt('27', 'q2', { Caching: 7, Concurrency: 4 }),
      attempt('28', 'q3', { Caching: 7, Concurrency: 4 }),
    ]
    const unweightedCaching = (1 + 2 + 7 + 7) / 4
    const unweightedConcurrency = (8 + 8 + 4 + 4) / 4
    expect(unweightedCaching).toBeLessThan(unweightedConcurrency)
    const weakest = pickWeakest(attempts, { decay: 0.5 })
    expect(weakest?.name).toBe('Concurrency')
    // weights 1, 0.5, 0.25, 0.125 newest first
    expect(weakest?.weightedScore).toBeCloseTo((4 + 4 * 0.5 + 8 * 0.25 + 8 * 0.125) / 1.875, 2)
    expect(weakest?.questionId).toBe('q3')
  })

  it('with no decay, is the plain mean', () => {
    const attempts = [attempt('01', 'q1', { A: 2 }), attempt('02', 'q1', { A: 6, B: 5 })]
    expect(pickWeakest(attempts, { decay: 1 })).toEqual({
      name: 'A',
      questionId: 'q1',
      weightedScore: 4,
    })
  })

  it('counts only the most recent sessions', () => {
    const attempts = [attempt('01', 'q1', { Old: 0 }), attempt('02', 'q2', { New: 5 })]
    expect(pickWeakest(attempts, { recent: 1 })?.name).toBe('New')
  })

  it('does not depend on input order, and breaks ties by recency then name', () => {
    const attempts = [attempt('03', 'q3', { Zeta: 5, Alpha: 5 }), attempt('01', 'q1', { Beta: 5 })]
    expect(pickWeakest(attempts)?.name).toBe('Alpha')
    expect(pickWeakest([...attempts].reverse())?.name).toBe('Alpha')
  })
})
