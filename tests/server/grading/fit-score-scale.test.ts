import { describe, expect, it } from 'vitest'
import {
  fitIsotonic,
  fitScoreScale,
  type CalibrationPoint,
} from '../../../server/grading/fit-score-scale.js'
import { applyScale, rawMeasure } from '../../../server/grading/score-scale.js'

describe('fitIsotonic', () => {
  it('pools adjacent violators into their mean', () => {
    // y goes 1, 3, 2, 4: the middle pair is out of order and pools to 2.5 at x = 2.5.
    expect(
      fitIsotonic([
        { x: 1, y: 1 },
        { x: 2, y: 3 },
        { x: 3, y: 2 },
        { x: 4, y: 4 },
      ]),
    ).toEqual([
      [1, 1],
      [2.5, 2.5],
      [4, 4],
    ])
  })

  it('returns a non-decreasing map for any input', () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ x: (i * 37) % 17, y: (i * 13) % 11 }))
    const knots = fitIsotonic(points)
    for (let i = 1; i < knots.length; i++) {
      expect(knots[i]![0]).toBeGreaterThan(knots[i - 1]![0])
      expect(knots[i]![1]).toBeGreaterThanOrEqual(knots[i - 1]![1])
    }
  })
})

const point = (
  recall: number,
  target: number,
  extra: Partial<CalibrationPoint> = {},
): CalibrationPoint => ({
  recall,
  fillerShare: 0,
  figures: 0,
  quality: 1,
  topicality: 0.6,
  reach: recall,
  overconfidence: 0,
  target,
  ...extra,
})

describe('fitScoreScale', () => {
  it('maps recall onto the targets when recall orders them', () => {
    const points = [point(0.1, 1), point(0.2, 3), point(0.4, 6), point(0.6, 9)]
    const scale = fitScoreScale(points, 'test')
    for (const p of points)
      expect(applyScale(scale.knots, rawMeasure(p, scale))).toBeCloseTo(p.target, 0)
  })

  it('uses the figures when they separate answers recall cannot', () => {
    const points = [
      point(0.4, 5, { figures: 0 }),
      point(0.4, 8, { figures: 10 }),
      point(0.2, 2, { figures: 0 }),
      point(0.2, 5, { figures: 10 }),
    ]
    expect(fitScoreScale(points, 'test').specificityWeight).toBeGreaterThan(0)
  })

  it('uses overconfidence when it separates answers recall cannot', () => {
    // Same reach, different targets: the confident ones are the wrong ones.
    const points = [
      point(0.5, 7),
      point(0.5, 2, { overconfidence: 1 }),
      point(0.3, 4),
      point(0.3, 1, { overconfidence: 1 }),
      point(0.1, 1),
    ]
    const scale = fitScoreScale(points, 'test')
    expect(scale.certaintyWeight).toBeGreaterThan(0)
    expect(applyScale(scale.knots, rawMeasure(points[1]!, scale))).toBeLessThan(4)
  })

  it('leaves overconfidence unweighted when it does not track the targets', () => {
    const points = [
      point(0.1, 1),
      point(0.2, 3, { overconfidence: 1 }),
      point(0.4, 6),
      point(0.6, 9),
    ]
    expect(fitScoreScale(points, 'test').certaintyWeight).toBe(0)
  })

  it('prefers weights that keep a shorter, better answer above a padded one', () => {
    // A and its padded form B (more reach, 30% filler); D and E pull the other way: by error
    // alone a light filler weight does as well, and it ranks B above A.
    const points = [
      point(0.4, 7),
      point(0.5, 6, { fillerShare: 0.3 }),
      point(0.5, 9, { fillerShare: 0.3 }),
      point(0.4, 6),
      point(0.1, 1),
    ]
    const free = fitScoreScale(points, 'test')
    expect(rawMeasure(points[0]!, free)).toBeLessThan(rawMeasure(points[1]!, free))
    const held = fitScoreScale(points, 'test', [{ better: 0, worse: 1 }])
    expect(rawMeasure(points[0]!, held)).toBeGreaterThanOrEqual(rawMeasure(points[1]!, held))
  })

  it('fits a filler cap when heavily padded answers keep their content', () => {
    // The padded answers (70% filler) score a little under their plain selves; with the whole
    // share off recall the 0.6 one falls below the plain 0.4 one, capped it stays above it.
    const points = [
      point(0.6, 8),
      point(0.4, 5),
      point(0.2, 2),
      point(0.6, 7, { fillerShare: 0.7 }),
      point(0.4, 4.5, { fillerShare: 0.7 }),
    ]
    const scale = fitScoreScale(points, 'test')
    expect(scale.fillerCap).toBeDefined()
    for (const p of points)
      expect(Math.abs(applyScale(scale.knots, rawMeasure(p, scale)) - p.target)).toBeLessThan(0.5)
  })

  it('fits no filler cap when no answer has filler enough for one to matter', () => {
    // Every cap ties with none here; the tie keeps the uncapped penalty.
    const points = [point(0.1, 1), point(0.3, 4, { fillerShare: 0.2 }), point(0.6, 9)]
    expect(fitScoreScale(points, 'test').fillerCap).toBeUndefined()
  })
})
